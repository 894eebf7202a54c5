namespace Interleave.Primitives.NativeEngine;

/// <summary>How a native iteration ended, and with what.</summary>
/// <param name="Kind">Why it ended.</param>
/// <param name="Exception">For <see cref="IterationEndKind.Failed"/> by an exception, that exception.</param>
/// <param name="Message">For a failure reported by a check, or a divergence, what it says.</param>
internal sealed record IterationEnd(IterationEndKind Kind, Exception? Exception = null, string? Message = null);
