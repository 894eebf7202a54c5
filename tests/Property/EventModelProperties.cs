using Interleave.Primitives;

namespace Interleave.Tests.Property;

/// <summary>
/// <see cref="AsyncEvent"/> against asyncio's model: a flag and the tasks waiting for it. A wait on a set
/// event returns at once; set wakes every waiter and stays set; clear makes later waits block; a cancelled
/// waiter leaves without affecting the others.
/// </summary>
public class EventModelProperties
{
    [ScaledProperty(60)]
    public void AsyncEvent_AnySequence_MatchesModel(int[] operations)
    {
        var steps = (operations ?? []).Take(12).Select(n => (Step)((n & int.MaxValue) % 4)).ToList();
        ModelCheck.Holds(() => RunAsync(steps), string.Join(", ", steps));
    }

    private static async Task RunAsync(List<Step> steps)
    {
        var signal = new AsyncEvent();
        var isSet = false;
        var waiters = new List<(Task Task, CancellationTokenSource Cancel)>();
        foreach (var step in steps)
        {
            switch (step)
            {
                case Step.Wait:
                    var cancel = new CancellationTokenSource();
                    var waiting = signal.WaitAsync(cancel.Token).AsTask();
                    ModelCheck.Expect(waiting.IsCompleted == isSet, $"wait on an event that is {(isSet ? "set" : "clear")}: completed at once is {waiting.IsCompleted}");
                    if (!isSet)
                    {
                        waiters.Add((waiting, cancel));
                    }

                    break;
                case Step.Set:
                    signal.Set();
                    isSet = true;
                    foreach (var (task, _) in waiters)
                    {
                        await task;
                    }

                    waiters.Clear();
                    break;
                case Step.Clear:
                    signal.Clear();
                    isSet = false;
                    break;
                case Step.CancelWaiting when waiters.Count > 0:
                    var (first, firstCancel) = waiters[0];
                    waiters.RemoveAt(0);
                    firstCancel.Cancel();
                    await ModelCheck.ThrowsAsync<OperationCanceledException>(first, "the cancelled waiter");
                    break;
            }

            ModelCheck.Expect(signal.IsSet == isSet, $"after {step}: IsSet is {signal.IsSet}, the model has {isSet}");
        }

        ModelCheck.Expect(waiters.All(w => !w.Task.IsCompleted), "a waiter returned while the event was clear");
        foreach (var (task, cancel) in waiters)
        {
            cancel.Cancel();
            await ModelCheck.ThrowsAsync<OperationCanceledException>(task, "a waiter cancelled at the end");
        }
    }

    private enum Step
    {
        Wait,
        Set,
        Clear,
        CancelWaiting,
    }
}
