using Interleave.Primitives;

namespace Interleave.Tests.Property;

/// <summary>
/// <see cref="AsyncBarrier"/> against the model of asyncio's barrier: parties arrive one by one, each with the
/// index of how many wait when it arrives; the last arrival releases them all and the barrier is reused; a
/// waiting task cancelled leaves it, the others still waiting and the barrier whole (so an index can repeat
/// within a round, as asyncio's can); one released and then cancelled before it resumed returns its index;
/// abort breaks it and fails the waiters and every later wait; reset fails the waiters and leaves it unbroken,
/// ready for a new round.
/// </summary>
public class BarrierModelProperties
{
    private const int Parties = 3;

    [ScaledProperty(60)]
    public void AsyncBarrier_AnySequence_MatchesModel(byte[] operations)
    {
        // A step's pick is, for a party to cancel, which one (modulo their number).
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
        var waiting = new List<Party>();
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

                    ModelCheck.Expect(await arrival == Parties - 1, "the last arrival's index");
                    foreach (var party in waiting)
                    {
                        var index = await party.Task;
                        ModelCheck.Expect(index == party.Index, $"a released party passed with index {index}; it arrived as {party.Index}");
                    }

                    waiting.Clear();
                }
                else
                {
                    waiting.Add(new Party(arrival, cancel, waiting.Count));
                }
            }
            else if (step is Step.Reset or Step.Abort)
            {
                await (step == Step.Reset ? barrier.ResetAsync() : barrier.AbortAsync());
                foreach (var party in waiting)
                {
                    await ModelCheck.ThrowsAsync<BarrierBrokenException>(party.Task, $"a waiter at {step}");
                }

                waiting.Clear();
                broken = step == Step.Abort;
            }
            else if (waiting.Count > 0)
            {
                // It leaves; the others keep waiting, with the indexes they arrived with.
                await ModelCheck.CancelWaitingAsync(waiting, pick, party => (party.Task, party.Cancel));
                ModelCheck.Expect(waiting.All(p => !p.Task.IsCompleted), "a waiter stopped waiting when another was cancelled");
            }

            ModelCheck.Expect(barrier.IsBroken == broken && barrier.WaitingCount == waiting.Count, $"after {step}: broken {barrier.IsBroken}, {barrier.WaitingCount} waiting; the model has {broken}, {waiting.Count}");
        }

        foreach (var party in waiting)
        {
            party.Cancel.Cancel();
            await ModelCheck.ThrowsAsync<OperationCanceledException>(party.Task, "a waiter cancelled at the end");
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

    private sealed record Party(Task<int> Task, CancellationTokenSource Cancel, int Index);
}
