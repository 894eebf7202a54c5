using System.Runtime.CompilerServices;
using Interleave.Harness.Findings;
using Interleave.Harness.Races;
using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.NativeEngine;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.Specifications;

namespace Interleave.Harness.Tracing;

/// <summary>
/// The process-wide primitive observer while the harness runs: routes each event to the recorder of the
/// test iteration it happened in, so explorations running side by side keep separate accounts.
/// </summary>
internal sealed class ObserverHub : IPrimitiveObserver
{
    private static readonly ObserverHub Instance = new();
    private readonly ConditionalWeakTable<object, Iteration> _iterations = new();

    private ObserverHub()
    {
    }

    /// <summary>Starts recording the iteration the caller (a test's root task) runs in.</summary>
    /// <param name="races">What a data race or an atomicity violation on a <c>Shared&lt;T&gt;</c> cell does.</param>
    /// <param name="warn">Told each finding when <paramref name="races"/> is <see cref="RaceChecking.Warn"/>.</param>
    /// <param name="reword">Applied to the message of each finding (a seam for the harness's own tests).</param>
    /// <param name="expectedEvents">About as many events as a schedule of the test had, to make room for.</param>
    internal static ScheduleRecorder RecordCurrentIteration(RaceChecking races, Action<Finding> warn, Func<string, string> reword, int expectedEvents = 0)
    {
        PrimitiveObservers.Current ??= Instance;
        var recorder = new ScheduleRecorder(expectedEvents);
        var key = Scheduling.CurrentIteration;
        var iteration = new Iteration(
            recorder,
            races != RaceChecking.Off ? new SharedStateChecks(recorder) : null,
            races == RaceChecking.Warn ? warn : null,
            reword);
        if (key is NativeIteration observed)
        {
            observed.Observer = iteration;
        }
        else
        {
            Instance._iterations.AddOrUpdate(key, iteration);
        }

        // Both schedulers say when the bug is found, before they unwind the iteration's remaining tasks:
        // what those do while unwinding is not part of the schedule and must not reach the account.
        if (key is NativeIteration native)
        {
            native.Failed += recorder.Close;
        }
        else
        {
            ((ICoyoteRuntime)key).OnFailure += _ => recorder.Close();
        }

        return recorder;
    }

    public void OnEvent(in PrimitiveEvent operationEvent)
    {
        var key = Scheduling.CurrentIteration;
        if (Find(key) is { } iteration)
        {
            iteration.Recorder.Add(operationEvent);

            // A finding fails the schedule right at the access that completes it, so the account ends there and
            // the trace replays to it. Only cell accesses report findings, and they hold no primitive's lock.
            if (iteration.Recorder.IsClosed)
            {
                return;
            }

            if (iteration.Checks?.Observe(operationEvent) is { } found)
            {
                var finding = found with { Message = iteration.Reword(found.Message) };
                if (iteration.Warn is { } warn)
                {
                    warn(finding);
                }
                else
                {
                    // The finding itself is the verdict; the scheduler only needs to stop the schedule here.
                    iteration.Recorder.Fail(finding);
                    if (key is NativeIteration native)
                    {
                        native.Fail(new IterationEnd(IterationEndKind.Failed, Message: finding.Message));
                        throw new IterationAbandonedException();
                    }

                    Specification.Assert(false, finding.Message);
                }
            }
        }
    }

    private Iteration? Find(object key) =>
        key is NativeIteration native ? native.Observer as Iteration : _iterations.TryGetValue(key, out var iteration) ? iteration : null;

    // What the harness keeps about one iteration: its events, the detectors fed with them, and where their
    // findings go when they are only warnings.
    private sealed record Iteration(ScheduleRecorder Recorder, SharedStateChecks? Checks, Action<Finding>? Warn, Func<string, string> Reword);
}
