using Interleave.Primitives;

namespace Interleave.Tests.Property;

/// <summary>
/// The three queues' waiting operations against asyncio's model of a bounded queue: items taken in FIFO,
/// LIFO or smallest-priority-first order (the oldest among equal priorities), getters waiting on an empty
/// queue and putters on a full one (each line served longest first, by waiting and non-waiting puts and gets
/// alike), a count of unfinished items that <c>TaskDone</c> lowers and <c>JoinAsync</c> waits on, and
/// shutdown, which fails waiting getters and putters and later puts (and, immediate, discards the items). A
/// getter, putter or joiner cancelled while it waits, wherever it is in its line, leaves it and takes no
/// effect; one chosen and then cancelled before it resumed has its get or put done all the same.
/// </summary>
public class QueueWaitingModelProperties
{
    private const int Capacity = 2;
    private const int StepKinds = 32;

    // The priority queue sees only an item's priority, so the model can tell whether equal priorities come out first-in, first-out.
    private static readonly IComparer<int> ByPriority = Comparer<int>.Create((x, y) => PriorityOf(x).CompareTo(PriorityOf(y)));

    [ScaledProperty(60)]
    public void AsyncQueue_AnySequence_MatchesModel(byte[] operations) =>
        Check(() => new AsyncQueue<int>(Capacity), _ => 0, operations);

    [ScaledProperty(60)]
    public void AsyncLifoQueue_AnySequence_MatchesModel(byte[] operations) =>
        Check(() => new AsyncLifoQueue<int>(Capacity), items => items.Count - 1, operations);

    [ScaledProperty(60)]
    public void AsyncPriorityQueue_AnySequence_MatchesModel(byte[] operations) =>
        Check(() => new AsyncPriorityQueue<int>(Capacity, ByPriority), SmallestPriorityFirst, operations);

    private static int PriorityOf(int item) => item % 3;

    private static int SmallestPriorityFirst(List<int> items)
    {
        var best = 0;
        for (var i = 1; i < items.Count; i++)
        {
            if (PriorityOf(items[i]) < PriorityOf(items[best]))
            {
                best = i; // strictly smaller only: among equals the earliest stored wins
            }
        }

        return best;
    }

    // A step's pick is the priority of the item a put brings or, for a cancellation, which waiter (modulo their number).
    private static void Check(Func<AsyncQueue<int>> create, Func<List<int>, int> nextIndex, byte[] operations)
    {
        var steps = ModelCheck.Steps(operations, 14, StepKinds, ToStep);
        ModelCheck.Holds(() => RunAsync(create(), nextIndex, steps), string.Join(", ", steps));
    }

    // Puts and gets are the common case, puts a little more often so that putters come to wait too; shutdowns
    // rare enough that most sequences run on for a while.
    private static Step ToStep(int n) => n switch
    {
        < 8 => Step.Put,
        < 14 => Step.Get,
        < 16 => Step.TryPut,
        < 18 => Step.TryGet,
        < 21 => Step.TaskDone,
        < 23 => Step.Join,
        < 28 => Step.CancelWaiter,
        < 30 => Step.ServeThenCancelChosen,
        30 => Step.Shutdown,
        _ => Step.ShutdownImmediate,
    };

    private static async Task RunAsync(AsyncQueue<int> queue, Func<List<int>, int> nextIndex, List<(Step Step, int Pick)> steps)
    {
        var items = new List<int>();
        var getters = new List<(Task<int> Task, CancellationTokenSource Cancel)>();
        var putters = new List<(Task Task, int Item, CancellationTokenSource Cancel)>();
        var joiners = new List<(Task Task, CancellationTokenSource Cancel)>();
        var unfinished = 0;
        var shutDown = false;
        var next = 0;

        async Task FinishedAsync()
        {
            foreach (var (joiner, _) in joiners)
            {
                await joiner;
            }

            joiners.Clear();
        }

        // An item was taken: the longest-waiting putter's item takes its room.
        async Task AdmitAsync()
        {
            if (putters.Count > 0)
            {
                await putters[0].Task;
                items.Add(putters[0].Item);
                unfinished++;
                putters.RemoveAt(0);
            }
        }

        // A new item, distinct from all before it, of the priority the step's pick gives.
        int NewItem(int pick) => (++next * 3) + (pick % 3);

        // The model's next item, taken out of it.
        int Take()
        {
            var index = nextIndex(items);
            var item = items[index];
            items.RemoveAt(index);
            return item;
        }

        foreach (var (step, pick) in steps)
        {
            switch (step)
            {
                case Step.Put:
                    var item = NewItem(pick);
                    var cancelPut = new CancellationTokenSource();
                    var put = queue.PutAsync(item, cancelPut.Token).AsTask();
                    if (shutDown)
                    {
                        await ModelCheck.ThrowsAsync<QueueShutDownException>(put, "a put after shutdown");
                    }
                    else if (getters.Count > 0)
                    {
                        await put;
                        unfinished++;
                        var got = await getters[0].Task;
                        ModelCheck.Expect(got == item, $"the longest getter got {got}, not the item put, {item}");
                        getters.RemoveAt(0);
                    }
                    else if (items.Count < Capacity)
                    {
                        ModelCheck.Expect(put.IsCompleted, "a put into a queue with room waited");
                        items.Add(item);
                        unfinished++;
                    }
                    else
                    {
                        ModelCheck.Expect(!put.IsCompleted, "a put into a full queue did not wait");
                        putters.Add((put, item, cancelPut));
                    }

                    break;
                case Step.TryPut:
                    var offered = NewItem(pick);
                    if (shutDown)
                    {
                        ModelCheck.Expect(ModelCheck.Throws<QueueShutDownException>(() => queue.TryPut(offered)), "a TryPut after shutdown did not throw");
                    }
                    else if (getters.Count > 0)
                    {
                        ModelCheck.Expect(queue.TryPut(offered), "a TryPut with a getter waiting was refused");
                        unfinished++;
                        var got = await getters[0].Task;
                        ModelCheck.Expect(got == offered, $"the longest getter got {got}, not the item TryPut, {offered}");
                        getters.RemoveAt(0);
                    }
                    else
                    {
                        var room = items.Count < Capacity;
                        ModelCheck.Expect(queue.TryPut(offered) == room, $"TryPut into a queue of {items.Count} did not return {room}");
                        if (room)
                        {
                            items.Add(offered);
                            unfinished++;
                        }
                    }

                    break;
                case Step.Get:
                    var cancel = new CancellationTokenSource();
                    var get = queue.GetAsync(cancel.Token).AsTask();
                    if (items.Count > 0)
                    {
                        var expected = Take();
                        ModelCheck.Expect(get.IsCompleted && get.Result == expected, $"a get did not return {expected} at once");
                        await AdmitAsync();
                    }
                    else if (shutDown)
                    {
                        await ModelCheck.ThrowsAsync<QueueShutDownException>(get, "a get from an empty queue after shutdown");
                    }
                    else
                    {
                        ModelCheck.Expect(!get.IsCompleted, "a get from an empty queue did not wait");
                        getters.Add((get, cancel));
                    }

                    break;
                case Step.TryGet when items.Count > 0:
                    var expectedNow = Take();
                    ModelCheck.Expect(queue.TryGet(out var taken) && taken == expectedNow, $"TryGet did not return {expectedNow}");
                    await AdmitAsync();
                    break;
                case Step.TryGet:
                    var refused = shutDown
                        ? ModelCheck.Throws<QueueShutDownException>(() => queue.TryGet(out _))
                        : !queue.TryGet(out _);
                    ModelCheck.Expect(refused, $"TryGet from an empty queue did not {(shutDown ? "throw" : "return false")}");
                    break;
                case Step.TaskDone when unfinished == 0:
                    ModelCheck.Expect(ModelCheck.Throws<InvalidOperationException>(() => queue.TaskDone()), "TaskDone with nothing unfinished did not throw");
                    break;
                case Step.TaskDone:
                    queue.TaskDone();
                    if (--unfinished == 0)
                    {
                        await FinishedAsync();
                    }

                    break;
                case Step.Join:
                    var cancelJoin = new CancellationTokenSource();
                    var join = queue.JoinAsync(cancelJoin.Token).AsTask();
                    ModelCheck.Expect(join.IsCompleted == (unfinished == 0), $"join with {unfinished} unfinished: completed at once is {join.IsCompleted}");
                    if (unfinished > 0)
                    {
                        joiners.Add((join, cancelJoin));
                    }

                    break;
                case Step.CancelWaiter when getters.Count + putters.Count + joiners.Count > 0:
                    // The pick-th waiter, counting getters, then putters, then joiners, each line oldest first.
                    var index = pick % (getters.Count + putters.Count + joiners.Count);
                    if (index < getters.Count)
                    {
                        var getter = getters[index];
                        getters.RemoveAt(index);
                        getter.Cancel.Cancel();
                        await ModelCheck.ThrowsAsync<OperationCanceledException>(getter.Task, "the cancelled getter");
                    }
                    else if (index < getters.Count + putters.Count)
                    {
                        // Its item is never put: the next get admits the putter behind it.
                        var putter = putters[index - getters.Count];
                        putters.Remove(putter);
                        putter.Cancel.Cancel();
                        await ModelCheck.ThrowsAsync<OperationCanceledException>(putter.Task, "the cancelled putter");
                    }
                    else
                    {
                        var joiner = joiners[index - getters.Count - putters.Count];
                        joiners.Remove(joiner);
                        joiner.Cancel.Cancel();
                        await ModelCheck.ThrowsAsync<OperationCanceledException>(joiner.Task, "the cancelled joiner");
                    }

                    break;
                case Step.ServeThenCancelChosen when getters.Count > 0:
                    // TryPut hands its item to the longest getter, which is cancelled before it resumed (no
                    // scheduling point in between): it returns the item all the same.
                    var handed = NewItem(pick);
                    ModelCheck.Expect(queue.TryPut(handed), "a TryPut with a getter waiting was refused");
                    getters[0].Cancel.Cancel();
                    unfinished++;
                    var received = await getters[0].Task;
                    ModelCheck.Expect(received == handed, $"the chosen, then cancelled getter got {received}, not {handed}");
                    getters.RemoveAt(0);
                    break;
                case Step.ServeThenCancelChosen when putters.Count > 0:
                    // TryGet admits the longest putter's item, and the putter is cancelled before it resumed: its
                    // put is done all the same.
                    var first = Take();
                    ModelCheck.Expect(queue.TryGet(out var firstTaken) && firstTaken == first, $"TryGet from a full queue did not return {first}");
                    putters[0].Cancel.Cancel();
                    await AdmitAsync();
                    break;
                case Step.Shutdown or Step.ShutdownImmediate:
                    var immediate = step == Step.ShutdownImmediate;
                    queue.Shutdown(immediate);
                    shutDown = true;
                    foreach (var (waiter, _) in getters)
                    {
                        await ModelCheck.ThrowsAsync<QueueShutDownException>(waiter, "a getter waiting at shutdown");
                    }

                    foreach (var (waiter, _, _) in putters)
                    {
                        await ModelCheck.ThrowsAsync<QueueShutDownException>(waiter, "a putter waiting at shutdown");
                    }

                    getters.Clear();
                    putters.Clear();
                    if (immediate)
                    {
                        unfinished = Math.Max(0, unfinished - items.Count); // asyncio: a task-done per discarded item, down to 0
                        items.Clear();
                        if (unfinished == 0)
                        {
                            await FinishedAsync();
                        }
                    }

                    break;
            }

            ModelCheck.Expect(
                queue.Count == items.Count && queue.GetterCount == getters.Count && queue.PutterCount == putters.Count
                    && queue.UnfinishedCount == unfinished && queue.IsShutDown == shutDown,
                $"after {step}: {queue.Count} items, {queue.GetterCount} getters, {queue.PutterCount} putters, {queue.UnfinishedCount} unfinished, "
                    + $"shut down {queue.IsShutDown}; the model has {items.Count}, {getters.Count}, {putters.Count}, {unfinished}, {shutDown}");
        }

        ModelCheck.Expect(
            getters.All(g => !g.Task.IsCompleted) && putters.All(p => !p.Task.IsCompleted) && joiners.All(j => !j.Task.IsCompleted),
            "an operation the model has waiting has completed");

        // Let every waiter go: shut down at once, which fails getters and putters, discards the items and ends the joins.
        queue.Shutdown(immediate: true);
        foreach (var waiter in getters.Select(g => (Task)g.Task).Concat(putters.Select(p => p.Task)))
        {
            await ModelCheck.ThrowsAsync<QueueShutDownException>(waiter, "a waiter at the final shutdown");
        }

        // Items taken but never marked done keep joins waiting: mark them.
        for (var i = Math.Max(0, unfinished - items.Count); i > 0; i--)
        {
            queue.TaskDone();
        }

        await FinishedAsync();
    }

    private enum Step
    {
        Put,
        TryPut,
        Get,
        TryGet,
        TaskDone,
        Join,
        CancelWaiter,
        ServeThenCancelChosen,
        Shutdown,
        ShutdownImmediate,
    }
}
