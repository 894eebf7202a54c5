using Interleave.Primitives;

namespace Interleave.Tests.Property;

/// <summary>
/// <see cref="AsyncCondition"/> against asyncio's model: a FIFO of waiters, each having released the lock.
/// <c>Notify(n)</c> wakes exactly the n longest waiters (all for <c>NotifyAll</c>), each of which returns
/// holding the lock again; a waiter cancelled before it is notified leaves the queue; one notified and then
/// cancelled before it resumed throws, holding the lock, and its notification goes to the next waiter;
/// waiting or notifying without the lock throws at once.
/// </summary>
public class ConditionModelProperties
{
    [ScaledProperty(60)]
    public void AsyncCondition_AnySequence_MatchesModel(int[] operations)
    {
        var steps = (operations ?? []).Take(12).Select(n => (n & int.MaxValue) % 6).Select(n => (Step)n).ToList();
        ModelCheck.Holds(() => RunAsync(steps), string.Join(", ", steps));
    }

    private static async Task RunAsync(List<Step> steps)
    {
        var condition = new AsyncCondition();
        var waiters = new List<(Task Task, CancellationTokenSource Cancel)>();
        foreach (var step in steps)
        {
            switch (step)
            {
                case Step.Wait:
                    await condition.AcquireAsync();
                    var cancel = new CancellationTokenSource();
                    waiters.Add((condition.WaitAsync(cancel.Token).AsTask(), cancel));
                    ModelCheck.Expect(!condition.IsLocked, "a waiter did not let the lock go");
                    break;
                case Step.NotifyOne or Step.NotifyTwo or Step.NotifyAll:
                    var count = step == Step.NotifyAll ? waiters.Count : Math.Min(step == Step.NotifyOne ? 1 : 2, waiters.Count);
                    await condition.AcquireAsync();
                    if (step == Step.NotifyAll)
                    {
                        condition.NotifyAll();
                    }
                    else
                    {
                        condition.Notify(step == Step.NotifyOne ? 1 : 2);
                    }

                    condition.Release();
                    await ResumeAsync(condition, waiters.Take(count).Select(w => w.Task).ToList());
                    waiters.RemoveRange(0, count);
                    break;
                case Step.MisuseWithoutLock:
                    // Waiting or notifying without the lock is refused at once and changes nothing.
                    ModelCheck.Expect(ModelCheck.Throws<InvalidOperationException>(() => condition.Notify()), "notify without the lock did not throw");
                    await ModelCheck.ThrowsAsync<InvalidOperationException>(condition.WaitAsync().AsTask(), "a wait without the lock");
                    break;
                case Step.NotifyAndCancelChosen when waiters.Count > 0:
                    // The chosen waiter cannot resume before the lock is released, after its cancellation.
                    var chosen = waiters[0];
                    waiters.RemoveAt(0);
                    await condition.AcquireAsync();
                    condition.Notify();
                    chosen.Cancel.Cancel();
                    condition.Release();
                    await ModelCheck.ThrowsAsync<OperationCanceledException>(chosen.Task, "the notified, then cancelled waiter");
                    ModelCheck.Expect(condition.IsLocked, "the cancelled waiter did not take the lock again");
                    condition.Release();
                    if (waiters.Count > 0)
                    {
                        await ResumeAsync(condition, [waiters[0].Task]);
                        waiters.RemoveAt(0);
                    }

                    break;
            }
        }

        ModelCheck.Expect(waiters.All(w => !w.Task.IsCompleted) && !condition.IsLocked, "a waiter resumed that was never notified");
        foreach (var (task, cancel) in waiters)
        {
            cancel.Cancel();
            await ModelCheck.ThrowsAsync<OperationCanceledException>(task, "a waiter cancelled at the end");
            condition.Release();
        }
    }

    // The woken waiters take the lock one at a time, in whatever order they reach it: release it for each.
    private static async Task ResumeAsync(AsyncCondition condition, List<Task> woken)
    {
        while (woken.Count > 0)
        {
            var resumed = await Task.WhenAny(woken);
            await resumed;
            ModelCheck.Expect(condition.IsLocked, "a woken waiter returned without the lock");
            condition.Release();
            woken.Remove(resumed);
        }
    }

    private enum Step
    {
        Wait,
        NotifyOne,
        NotifyTwo,
        NotifyAll,
        NotifyAndCancelChosen,
        MisuseWithoutLock,
    }
}
