using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// The steps of <see cref="InterlockedShim"/> and <see cref="VolatileShim"/>: each operation, after Coyote's
/// wrapper has run it, is a step named after the method ("Interlocked.CompareExchange"), with its source line.
/// The location is not named: a <c>ref</c> does not say which field it is.
/// </summary>
internal static class AtomicMemorySteps
{
    internal static void Done(PrimitiveKind kind, string method, string callerFile, int callerLine)
    {
        if (Scheduling.IsControlled && PrimitiveEvents.IsObserved)
        {
            PrimitiveEvents.Report(new PrimitiveName(kind, method), PrimitiveOperation.Update, OperationOutcome.Completed, -1, callerFile, callerLine);
        }
    }
}
