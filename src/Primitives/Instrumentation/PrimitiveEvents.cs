using System.Runtime.CompilerServices;

namespace Interleave.Primitives.Instrumentation;

/// <summary>Sends <see cref="PrimitiveEvent"/>s to the installed observer, if any.</summary>
internal static class PrimitiveEvents
{
    /// <summary>True when an observer is installed; guard any extra bookkeeping done only for it.</summary>
    internal static bool IsObserved
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
#if INTERLEAVE_BARE
        // The benchmarks' copy with the hooks compiled out (bench/BarePrimitives) is never observed.
        get => false;
#else
        get => PrimitiveObservers.Current is not null;
#endif
    }

    /// <summary>The current task, or <see cref="TaskIdentity.None"/> when nobody observes (saves the lookup).</summary>
    internal static TaskIdentity CurrentTaskIfObserved =>
        IsObserved ? ControlledTask.CurrentIdentity : TaskIdentity.None;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Report(
        in PrimitiveName primitive,
        PrimitiveOperation operation,
        OperationOutcome outcome,
        long value,
        string callerFile,
        int callerLine,
        TaskIdentity counterpart = default)
    {
#if !INTERLEAVE_BARE
        // Only the check is inlined into the primitives' fast paths; building the event is out of line, so
        // production code (nobody observing) pays one load and one branch.
        var observer = PrimitiveObservers.Current;
        if (observer is not null)
        {
            Send(observer, primitive, operation, outcome, value, callerFile, callerLine, counterpart);
        }
#endif
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Send(
        IPrimitiveObserver observer,
        in PrimitiveName primitive,
        PrimitiveOperation operation,
        OperationOutcome outcome,
        long value,
        string callerFile,
        int callerLine,
        TaskIdentity counterpart) =>
        observer.OnEvent(new PrimitiveEvent(
            primitive.Kind,
            primitive.Name,
            operation,
            outcome,
            ControlledTask.CurrentIdentity,
            value,
            counterpart == default ? TaskIdentity.None : counterpart,
            callerFile,
            callerLine));
}
