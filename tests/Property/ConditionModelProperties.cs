using Interleave.Primitives;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Tests.Property;

/// <summary>
/// <see cref="AsyncCondition"/> against asyncio's model: a FIFO of waiters, each having released the lock.
/// <c>Notify(n)</c> wakes exactly the n longest waiters (all for <c>NotifyAll</c>), each of which returns
/// holding the lock again; a waiter cancelled before it is notified, wherever it is in the queue, leaves it and
/// throws holding the lock; one notified and then cancelled before it resumed throws, holding the lock, and its
/// notification goes to the next waiter; waiting or notifying without the lock throws at once. A wait for a
/// predicate checks it once at once (returning if it holds, with or without the lock, as asyncio's
/// <c>wait_for</c> does) and once after each notification, when, if it is false, it waits again at the end of
/// the queue.
/// </summary>
public class ConditionModelProperties
{
    [ScaledProperty(60)]
    public void AsyncCondition_AnySequence_MatchesModel(byte[] operations)
    {
        // A step's pick is, for a cancellation, the waiter (modulo their number, oldest first).
        var steps = ModelCheck.Steps(operations, 12, 16, ToStep);
        ModelCheck.Holds(() => RunAsync(steps), string.Join(", ", steps));
    }

    private static Step ToStep(int n) => n switch
    {
        < 4 => Step.Wait,
        < 7 => Step.WaitFor,
        < 9 => Step.ToggleReady,
        < 11 => Step.NotifyOne,
        11 => Step.NotifyTwo,
        12 => Step.NotifyAll,
        13 => Step.NotifyAndCancelChosen,
        14 => Step.CancelWaiting,
        _ => Step.MisuseWithoutLock,
    };

    private static async Task RunAsync(List<(Step Step, int Pick)> steps)
    {
        var condition = new AsyncCondition();
        var waiters = new List<Waiter>();
        var ready = false; // what every wait's predicate returns
        var checks = new List<int>(); // which waits for a predicate checked it, in order
        var expectedChecks = 0;
        var nextId = 0;

        // The woken waiters take the lock one at a time, in whatever order they reach it. A wait, or a wait for a
        // predicate that holds, returns holding the lock: release it for each. A wait for a predicate that does
        // not hold checks it and waits again, letting the lock go: those rejoin the queue in the order they checked.
        async Task ResumeAsync(List<Waiter> woken)
        {
            var checksBefore = checks.Count;
            var predicates = woken.Where(w => w.Predicate is not null).Select(w => w.Predicate!.Value).ToHashSet();
            var returning = woken.Where(w => w.Predicate is null || ready).Select(w => w.Task).ToList();
            while (returning.Count > 0)
            {
                var resumed = await Task.WhenAny(returning);
                await resumed;
                ModelCheck.Expect(condition.IsLocked, "a woken waiter returned without the lock");
                condition.Release();
                returning.Remove(resumed);
            }

            await Scheduling.PauseUntilAsync(() => checks.Count >= checksBefore + predicates.Count && !condition.IsLocked);
            var checkedNow = checks.Skip(checksBefore).ToList();
            expectedChecks += predicates.Count;
            ModelCheck.Expect(
                checkedNow.Order().SequenceEqual(predicates.Order()),
                $"the woken waits for a predicate {string.Join(", ", predicates)} checked it as {string.Join(", ", checkedNow)}");
            if (!ready)
            {
                waiters.AddRange(checkedNow.Select(id => woken.Single(w => w.Predicate == id)));
            }
        }

        foreach (var (step, pick) in steps)
        {
            switch (step)
            {
                case Step.Wait:
                    await condition.AcquireAsync();
                    var cancel = new CancellationTokenSource();
                    waiters.Add(new Waiter(condition.WaitAsync(cancel.Token).AsTask(), cancel, null));
                    ModelCheck.Expect(!condition.IsLocked, "a waiter did not let the lock go");
                    break;
                case Step.WaitFor:
                    await condition.AcquireAsync();
                    var id = nextId++;
                    expectedChecks++; // checked once at once, holding the lock
                    var cancelFor = new CancellationTokenSource();
                    var waitFor = condition.WaitForAsync(
                        () =>
                        {
                            checks.Add(id);
                            return ready;
                        },
                        cancelFor.Token).AsTask();
                    if (ready)
                    {
                        ModelCheck.Expect(waitFor.IsCompleted && condition.IsLocked, "a wait for a predicate that holds did not return at once, holding the lock");
                        condition.Release();
                    }
                    else
                    {
                        ModelCheck.Expect(!waitFor.IsCompleted && !condition.IsLocked, "a wait for a predicate that does not hold did not wait, letting the lock go");
                        waiters.Add(new Waiter(waitFor, cancelFor, id));
                    }

                    break;
                case Step.ToggleReady:
                    ready = !ready;
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
                    var woken = waiters.Take(count).ToList();
                    waiters.RemoveRange(0, count);
                    await ResumeAsync(woken);
                    break;
                case Step.MisuseWithoutLock:
                    // Waiting or notifying without the lock is refused at once and changes nothing.
                    ModelCheck.Expect(ModelCheck.Throws<InvalidOperationException>(() => condition.Notify()), "notify without the lock did not throw");
                    await ModelCheck.ThrowsAsync<InvalidOperationException>(condition.WaitAsync().AsTask(), "a wait without the lock");

                    // A wait for a predicate checks it first, as asyncio's wait_for does: one that holds returns at
                    // once without the lock; one that does not is refused like a wait.
                    var unlockedId = nextId++;
                    expectedChecks++;
                    var unlocked = condition.WaitForAsync(() =>
                    {
                        checks.Add(unlockedId);
                        return ready;
                    }).AsTask();
                    if (ready)
                    {
                        ModelCheck.Expect(unlocked.IsCompletedSuccessfully && !condition.IsLocked, "a wait for a predicate that holds, without the lock, did not return at once");
                    }
                    else
                    {
                        await ModelCheck.ThrowsAsync<InvalidOperationException>(unlocked, "a wait for a predicate that does not hold, without the lock");
                    }

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
                        var next = waiters[0];
                        waiters.RemoveAt(0);
                        await ResumeAsync([next]);
                    }

                    break;
                case Step.CancelWaiting when waiters.Count > 0:
                    // Not notified: it leaves the queue, takes the lock again and throws, notifying no one.
                    await ModelCheck.CancelWaitingAsync(waiters, pick, waiter => (waiter.Task, waiter.Cancel));
                    ModelCheck.Expect(condition.IsLocked, "the cancelled waiter did not take the lock again");
                    condition.Release();
                    break;
            }

            ModelCheck.Expect(
                condition.WaiterCount == waiters.Count && checks.Count == expectedChecks && !condition.IsLocked,
                $"after {step}: {condition.WaiterCount} waiters, {checks.Count} predicate checks, locked {condition.IsLocked}; "
                    + $"the model has {waiters.Count}, {expectedChecks}, False");
        }

        ModelCheck.Expect(waiters.All(w => !w.Task.IsCompleted), "a waiter resumed that was never notified");
        foreach (var waiter in waiters)
        {
            waiter.Cancel.Cancel();
            await ModelCheck.ThrowsAsync<OperationCanceledException>(waiter.Task, "a waiter cancelled at the end");
            condition.Release();
        }
    }

    private enum Step
    {
        Wait,
        WaitFor,
        ToggleReady,
        NotifyOne,
        NotifyTwo,
        NotifyAll,
        NotifyAndCancelChosen,
        CancelWaiting,
        MisuseWithoutLock,
    }

    // A task waiting on the condition; Predicate is the id its predicate records when checked, for a wait for one.
    private sealed record Waiter(Task Task, CancellationTokenSource Cancel, int? Predicate);
}
