using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Microsoft.Coyote.Runtime;

namespace Interleave.Harness.Tracing;

/// <summary>
/// The process-wide primitive observer while the harness runs: routes each event to the recorder of the
/// test iteration it happened in, so explorations running side by side keep separate accounts.
/// </summary>
internal sealed class ObserverHub : IPrimitiveObserver
{
    private static readonly ObserverHub Instance = new();
    private readonly ConditionalWeakTable<ICoyoteRuntime, ScheduleRecorder> _recorders = new();

    private ObserverHub()
    {
    }

    /// <summary>Starts recording the iteration the caller (a test's root task) runs in.</summary>
    internal static ScheduleRecorder RecordCurrentIteration()
    {
        PrimitiveObservers.Current ??= Instance;
        var recorder = new ScheduleRecorder();
        var runtime = RuntimeProvider.Current;
        Instance._recorders.AddOrUpdate(runtime, recorder);

        // Coyote raises OnFailure when it finds the bug, before it unwinds the iteration's remaining tasks:
        // what they do while unwinding is not part of the schedule and must not reach the account.
        runtime.OnFailure += _ => recorder.Close();
        return recorder;
    }

    public void OnEvent(in PrimitiveEvent operationEvent)
    {
        if (_recorders.TryGetValue(RuntimeProvider.Current, out var recorder))
        {
            recorder.Add(operationEvent);
        }
    }
}
