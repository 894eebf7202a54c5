using Interleave.Primitives;

namespace Interleave.Tests.Property;

/// <summary>
/// <see cref="AsyncBarrier"/> against the model of asyncio's (and threading's) barrier: parties arrive one
/// by one; the last arrival releases them all with distinct indexes 0..parties-1 and the barrier is reused;
/// a waiting task cancelled breaks it, failing every waiter and every later wait.
/// </summary>
public class BarrierModelProperties
{
    private const int Parties = 3;

    [ScaledProperty(60)]
    public void AsyncBarrier_AnySequence_MatchesModel(int[] operations)
    {
        var steps = (operations ?? []).Take(12).Select(n => (n & int.MaxValue) % 4 == 0 ? Step.CancelWaiting : Step.Wait).ToList();
        ModelCheck.Holds(() => RunAsync(steps), string.Join(", ", steps));
    }

    private static async Task RunAsync(List<Step> steps)
    {
        var barrier = new AsyncBarrier(Parties);
        var broken = false;
        var waiting = new List<(Task<int> Task, CancellationTokenSource Cancel)>();
        foreach (var step in steps)
        {
            if (step == Step.Wait)
            {
                var cancel = new CancellationTokenSource();
                var arrival = barrier.WaitAsync(cancel.Token).AsTask();
                if (broken)
                {
                    await ModelCheck.ThrowsAsync<BarrierBrokenException>(arrival, "a wait on a broken barrier");
                }
                else if (waiting.Count == Parties - 1)
                {
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
        CancelWaiting,
    }
}
