using Interleave.Primitives;

namespace Interleave.Tests.Property;

/// <summary>
/// The lock and both semaphores against asyncio's model: a count of permits and a FIFO of waiters. A release
/// hands the permit to the longest waiter; a waiter cancelled before it is chosen leaves the queue; one chosen
/// and cancelled before it resumed passes the permit on; releasing past the bound (an unheld lock, a full
/// bounded semaphore) throws at once. A waiter cancelled before it is chosen leaves the queue wherever it is in
/// it, and the others keep their order.
/// </summary>
public class LockModelProperties
{
    [ScaledProperty(40)]
    public void AsyncLock_AnySequence_MatchesModel(byte[] operations) =>
        Check(() => new Gate(new AsyncLock(), 1, Bounded: true), operations ?? []);

    [ScaledProperty(40)]
    public void AsyncSemaphore_AnySequence_MatchesModel(byte[] operations) =>
        Check(() => new Gate(new AsyncSemaphore(2), 2, Bounded: false), operations ?? []);

    [ScaledProperty(40)]
    public void AsyncBoundedSemaphore_AnySequence_MatchesModel(byte[] operations) =>
        Check(() => new Gate(new AsyncBoundedSemaphore(2), 2, Bounded: true), operations ?? []);

    // A step's pick is, for a cancellation, the waiter (modulo their number, oldest first). Half the steps are
    // acquires, so that several tasks come to wait, even for two permits.
    private static void Check(Func<Gate> create, byte[] operations)
    {
        var steps = ModelCheck.Steps(operations, 12, 8, ToStep);
        ModelCheck.Holds(() => RunAsync(create(), steps), string.Join(", ", steps));
    }

    private static Step ToStep(int n) => n switch
    {
        < 4 => Step.Acquire,
        4 => Step.Release,
        < 7 => Step.CancelWaiting,
        _ => Step.ReleaseAndCancelChosen,
    };

    private static async Task RunAsync(Gate gate, List<(Step Step, int Pick)> steps)
    {
        var permits = gate.Permits;
        var waiters = new List<(Task<Releaser> Task, CancellationTokenSource Cancel)>();
        foreach (var (step, pick) in steps)
        {
            switch (step)
            {
                case Step.Acquire:
                    var cancel = new CancellationTokenSource();
                    var acquired = gate.AcquireAsync(cancel.Token);
                    ModelCheck.Expect(acquired.IsCompleted == (permits > 0), $"acquire with {permits} permits: completed at once is {acquired.IsCompleted}");
                    if (permits > 0)
                    {
                        permits--;
                    }
                    else
                    {
                        waiters.Add((acquired, cancel));
                    }

                    break;
                case Step.Release or Step.ReleaseAndCancelChosen when gate.Bounded && permits == gate.Permits:
                    var refused = gate.Primitive is AsyncBoundedSemaphore
                        ? ModelCheck.Throws<SemaphoreFullException>(gate.Release)
                        : ModelCheck.Throws<InvalidOperationException>(gate.Release);
                    ModelCheck.Expect(refused, "release past the bound did not throw");
                    break;
                case Step.Release or Step.ReleaseAndCancelChosen when waiters.Count == 0:
                    gate.Release();
                    permits++;
                    break;
                case Step.Release:
                    gate.Release();
                    await waiters[0].Task; // the longest waiter got the permit
                    waiters.RemoveAt(0);
                    break;
                case Step.ReleaseAndCancelChosen when permits == 0:
                    // Chosen, then cancelled before it resumed (no scheduling point in between): it throws and the
                    // permit goes to the next waiter, or back to the count.
                    var chosen = waiters[0];
                    waiters.RemoveAt(0);
                    gate.Release();
                    chosen.Cancel.Cancel();
                    await ModelCheck.ThrowsAsync<OperationCanceledException>(chosen.Task, "the chosen, then cancelled waiter");
                    if (waiters.Count > 0)
                    {
                        await waiters[0].Task;
                        waiters.RemoveAt(0);
                    }
                    else
                    {
                        permits++;
                    }

                    break;
                case Step.CancelWaiting when waiters.Count > 0:
                    // Cancelled before it is chosen, it leaves the queue and takes nothing.
                    await ModelCheck.CancelWaitingAsync(waiters, pick, waiter => (waiter.Task, waiter.Cancel));
                    break;
            }

            ModelCheck.Expect(
                gate.CurrentCount() == permits && gate.WaiterCount() == waiters.Count,
                $"after {step}: {gate.CurrentCount()} permits, {gate.WaiterCount()} waiters; the model has {permits}, {waiters.Count}");
        }

        ModelCheck.Expect(waiters.All(w => !w.Task.IsCompleted), "a waiter the model has waiting has resumed");
        foreach (var (task, cancel) in waiters)
        {
            cancel.Cancel();
            await ModelCheck.ThrowsAsync<OperationCanceledException>(task, "a waiter cancelled at the end");
        }
    }

    private enum Step
    {
        Acquire,
        Release,
        CancelWaiting,
        ReleaseAndCancelChosen,
    }

    // The three primitives behind one face (the bounded semaphore is a semaphore): their permits at start and
    // whether releasing past them is misuse.
    private sealed record Gate(object Primitive, int Permits, bool Bounded)
    {
        internal Task<Releaser> AcquireAsync(CancellationToken token) =>
            Primitive is AsyncLock l ? l.AcquireAsync(token).AsTask() : ((AsyncSemaphore)Primitive).AcquireAsync(token).AsTask();

        internal void Release()
        {
            if (Primitive is AsyncLock l)
            {
                l.Release();
            }
            else
            {
                ((AsyncSemaphore)Primitive).Release();
            }
        }

        internal int CurrentCount() => Primitive is AsyncLock l ? (l.IsLocked ? 0 : 1) : ((AsyncSemaphore)Primitive).CurrentCount;

        internal int WaiterCount() => Primitive is AsyncLock l ? l.WaiterCount : ((AsyncSemaphore)Primitive).WaiterCount;
    }
}
