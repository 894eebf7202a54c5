using Interleave.Primitives;

namespace Interleave.Tests.Property;

/// <summary>
/// The lock and both semaphores against asyncio's model: a count of permits and a FIFO of waiters. A release
/// hands the permit to the longest waiter; a waiter cancelled before it is chosen leaves the queue; one chosen
/// and cancelled before it resumed passes the permit on; releasing past the bound (an unheld lock, a full
/// bounded semaphore) throws at once.
/// </summary>
public class LockModelProperties
{
    [ScaledProperty(40)]
    public void AsyncLock_AnySequence_MatchesModel(int[] operations) =>
        Check(() => new Gate(new AsyncLock(), 1, Bounded: true), operations ?? []);

    [ScaledProperty(40)]
    public void AsyncSemaphore_AnySequence_MatchesModel(int[] operations) =>
        Check(() => new Gate(new AsyncSemaphore(2), 2, Bounded: false), operations ?? []);

    [ScaledProperty(40)]
    public void AsyncBoundedSemaphore_AnySequence_MatchesModel(int[] operations) =>
        Check(() => new Gate(new AsyncBoundedSemaphore(2), 2, Bounded: true), operations ?? []);

    private static void Check(Func<Gate> create, int[] operations)
    {
        var steps = operations.Take(12).Select(n => (Step)((n & int.MaxValue) % 4)).ToList();
        ModelCheck.Holds(() => RunAsync(create(), steps), string.Join(", ", steps));
    }

    private static async Task RunAsync(Gate gate, List<Step> steps)
    {
        var permits = gate.Permits;
        var waiters = new Queue<(Task<Releaser> Task, CancellationTokenSource Cancel)>();
        foreach (var step in steps)
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
                        waiters.Enqueue((acquired, cancel));
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
                    await waiters.Dequeue().Task; // the longest waiter got the permit
                    break;
                case Step.ReleaseAndCancelChosen when permits == 0:
                    // Chosen, then cancelled before it resumed (no scheduling point in between): it throws and the
                    // permit goes to the next waiter, or back to the count.
                    var chosen = waiters.Dequeue();
                    gate.Release();
                    chosen.Cancel.Cancel();
                    await ModelCheck.ThrowsAsync<OperationCanceledException>(chosen.Task, "the chosen, then cancelled waiter");
                    if (waiters.Count > 0)
                    {
                        await waiters.Dequeue().Task;
                    }
                    else
                    {
                        permits++;
                    }

                    break;
                case Step.CancelWaiting when waiters.Count > 0:
                    // The newest waiter: cancelled before it is chosen, it leaves the queue and takes nothing.
                    var newest = waiters.Last();
                    waiters = new Queue<(Task<Releaser>, CancellationTokenSource)>(waiters.SkipLast(1));
                    newest.Cancel.Cancel();
                    await ModelCheck.ThrowsAsync<OperationCanceledException>(newest.Task, "the cancelled waiter");
                    break;
            }

            ModelCheck.Expect(gate.CurrentCount() == permits, $"after {step}: {gate.CurrentCount()} permits, the model has {permits}");
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
    }
}
