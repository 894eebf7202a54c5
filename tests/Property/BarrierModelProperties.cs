using Interleave.Primitives;

namespace Interleave.Tests.Property;

/// <summary>
/// <see cref="AsyncBarrier"/> against the model of asyncio's (and threading's) barrier: parties arrive one
/// by one; the last arrival releases them all with distinct indexes 0..parties-1 and the barrier is reused;
/// a waiting task cancelled breaks it, failing every waiter and every later wait, but one released and then
/// cancelled before it resumed returns its index and breaks nothing; abort breaks it and fails the waiters;
/// reset fails the waiters and leaves it unbroken, ready for a new round.
/// </summary>
public class BarrierModelProperties
{
    private const int Parties = 3;

    [ScaledProperty(60)]
    public void AsyncBarrier_AnySequence_MatchesModel(byte[] operations)
    {
        // A step's pick is, for a released party to cancel, which one (modulo their number).
        var steps = ModelCheck.Steps(operations, 12, 16, ToStep);
        ModelCheck.Holds(() => RunAsync(steps), string.Join(", ", steps));
    }

    // Arrivals three times in four, so that rounds fill between the cancellations, resets and aborts.
    private static Step ToStep(int n) => n switch
    {
        < 10 => Step.Wait,
        < 12 => Step.WaitThenCancelReleased,
        < 14 => Step.CancelWaiting,
        14 => Step.Reset,
        _ => Step.Abort,
    };

    private static async Task RunAsync(List<(Step Step, int Pick)> steps)
    {
        var barrier = new AsyncBarrier(Parties);
        var broken = false;
        var waiting = new List<(Task<int> Task, CancellationTokenSource Cancel)>();
        foreach (var (step, pick) in steps)
        {
            if (step is Step.Wait or Step.WaitThenCancelReleased)
            {
                var cancel = new CancellationTokenSource();
                var arrival = barrier.WaitAsync(cancel.Token).AsTask();
                if (broken)
                {
                    await ModelCheck.ThrowsAsync<BarrierBrokenException>(arrival, "a wait on a broken barrier");
                }
                else if (waiting.Count == Parties - 1)
                {
                    if (step == Step.WaitThenCancelReleased)
                    {
                        // Released by this arrival, then cancelled before it resumed (no scheduling point in between).
                        waiting[pick % waiting.Count].Cancel.Cancel();
                    }

                    var indexes = new List<int> { await arrival };
                    foreach (var (task, _) in waiting)
                    {
                        indexes.Add(await task);
                    }

                    ModelCheck.Expect(indexes.Order().SequenceEqual(Enumerable.Range(0, Parties)), $"the parties passed with indexes {string.Join(", ", indexes)}");
                    waiting.Clear();
                }
                else
                {
                    waiting.Add((arrival, cancel));
                }
            }
            else if (step is Step.Reset or Step.Abort)
            {
                await (step == Step.Reset ? barrier.ResetAsync() : barrier.AbortAsync());
                foreach (var (task, _) in waiting)
                {
                    await ModelCheck.ThrowsAsync<BarrierBrokenException>(task, $"a waiter at {step}");
                }

                waiting.Clear();
                broken = step == Step.Abort;
            }
            else if (waiting.Count > 0)
            {
                var (cancelled, cancel) = waiting[^1];
                cancel.Cancel();
                await ModelCheck.ThrowsAsync<OperationCanceledException>(cancelled, "the cancelled waiter");
                foreach (var (other, _) in waiting.SkipLast(1))
                {
                    await ModelCheck.ThrowsAsync<BarrierBrokenException>(other, "a waiter of the barrier a cancellation broke");
                }

                waiting.Clear();
                broken = true;
            }

            ModelCheck.Expect(barrier.IsBroken == broken && barrier.WaitingCount == waiting.Count, $"after {step}: broken {barrier.IsBroken}, {barrier.WaitingCount} waiting; the model has {broken}, {waiting.Count}");
        }

        foreach (var (task, cancel) in waiting)
        {
            cancel.Cancel();
            await ModelCheck.ThrowsAsync<Exception>(task, "a waiter cancelled at the end");
        }
    }

    private enum Step
    {
        Wait,
        WaitThenCancelReleased,
        CancelWaiting,
        Reset,
        Abort,
    }
}
