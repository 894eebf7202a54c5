using System.Runtime.CompilerServices;

namespace Interleave.Primitives.Instrumentation;

/// <summary>Sends <see cref="PrimitiveEvent"/>s to the installed observer, if any.</summary>
internal static class Reporter
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
        var observer = PrimitiveObservers.Current;
        if (observer is not null)
        {
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
#endif
    }
}
