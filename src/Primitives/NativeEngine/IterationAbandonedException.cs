namespace Interleave.Primitives.NativeEngine;

/// <summary>
/// Unwinds an operation of a native iteration that has ended (a bug was found, every task stalled or the
/// step bound was reached): thrown at the operation's next scheduling point, as Coyote interrupts the
/// threads of an iteration it tears down.
/// </summary>
internal sealed class IterationAbandonedException() : Exception("The native iteration ended; this operation is unwound.");
