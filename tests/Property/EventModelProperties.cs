using Interleave.Primitives;

namespace Interleave.Tests.Property;

/// <summary>
/// <see cref="AsyncEvent"/> against asyncio's model: a flag and the tasks waiting for it. A wait on a set
/// event returns at once; set wakes every waiter and stays set; clear makes later waits block, but a waiter
/// woken by a set returns even when the event is cleared before it resumed; a waiter cancelled before the set,
/// wherever it is among the waiters, leaves without affecting the others, and one cancelled after the set,
/// before it resumed, returns normally.
/// </summary>
public class EventModelProperties
{
    [ScaledProperty(60)]
    public void AsyncEvent_AnySequence_MatchesModel(byte[] operations)
    {
        // A step's pick is, for a cancellation, the waiter (modulo their number, oldest first).
        var steps = ModelCheck.Steps(operations, 12, 16, ToStep);
        ModelCheck.Holds(() => RunAsync(steps), string.Join(", ", steps));
    }

    // Waits half the time, so that several tasks come to wait between sets.
    private static Step ToStep(int n) => n switch
    {
        < 8 => Step.Wait,
        < 10 => Step.Set,
        < 12 => Step.Clear,
        < 14 => Step.CancelWaiting,
        14 => Step.SetThenClear,
        _ => Step.SetAndCancelWoken,
    };

    private static async Task RunAsync(List<(Step Step, int Pick)> steps)
    {
        var signal = new AsyncEvent();
        var isSet = false;
        var waiters = new List<(Task Task, CancellationTokenSource Cancel)>();

        // A set woke every waiter: each returns (cancelled or not after the wake-up) and none is left waiting.
        async Task AllReturnAsync()
        {
            foreach (var (task, _) in waiters)
            {
                await task;
            }

            waiters.Clear();
        }

        foreach (var (step, pick) in steps)
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
                    await AllReturnAsync();
                    break;
                case Step.Clear:
                    signal.Clear();
                    isSet = false;
                    break;
                case Step.SetThenClear:
                    // Cleared before the woken waiters resumed (no scheduling point in between): they return all the same.
                    signal.Set();
                    signal.Clear();
                    isSet = false;
                    await AllReturnAsync();
                    break;
                case Step.SetAndCancelWoken:
                    // A waiter woken by the set and cancelled before it resumed returns normally.
                    signal.Set();
                    isSet = true;
                    if (waiters.Count > 0)
                    {
                        waiters[pick % waiters.Count].Cancel.Cancel();
                    }

                    await AllReturnAsync();
                    break;
                case Step.CancelWaiting when waiters.Count > 0:
                    await ModelCheck.CancelWaitingAsync(waiters, pick, waiter => waiter);
                    break;
            }

            ModelCheck.Expect(
                signal.IsSet == isSet && signal.WaiterCount == waiters.Count,
                $"after {step}: IsSet is {signal.IsSet}, {signal.WaiterCount} waiters; the model has {isSet}, {waiters.Count}");
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
        SetThenClear,
        SetAndCancelWoken,
    }
}
