using Interleave.Primitives;

namespace Interleave.Tests.Property;

/// <summary>
/// <see cref="AsyncQueue{T}"/>'s waiting operations against asyncio's model of a bounded queue: items in
/// FIFO order, getters waiting on an empty queue and putters on a full one (each served longest first), a
/// count of unfinished items that <c>TaskDone</c> lowers and <c>JoinAsync</c> waits on, and shutdown,
/// which fails waiting getters and putters and later puts (and, immediate, discards the items).
/// </summary>
public class QueueWaitingModelProperties
{
    private const int Capacity = 2;

    [ScaledProperty(60)]
    public void AsyncQueue_AnySequence_MatchesModel(int[] operations)
    {
        var steps = (operations ?? []).Take(14).Select(n => (n & int.MaxValue) % 16).Select(ToStep).ToList();
        ModelCheck.Holds(() => RunAsync(steps), string.Join(", ", steps));
    }

    // Puts and gets are the common case; shutdowns rare enough that most sequences run on for a while.
    private static Step ToStep(int n) => n switch
    {
        < 5 => Step.Put,
        < 9 => Step.Get,
        < 11 => Step.TaskDone,
        < 13 => Step.Join,
        13 => Step.CancelGetter,
        14 => Step.Shutdown,
        _ => Step.ShutdownImmediate,
    };

    private static async Task RunAsync(List<Step> steps)
    {
        var queue = new AsyncQueue<int>(Capacity);
        var items = new List<int>();
        var getters = new List<(Task<int> Task, CancellationTokenSource Cancel)>();
        var putters = new List<(Task Task, int Item)>();
        var joiners = new List<Task>();
        var unfinished = 0;
        var shutDown = false;
        var next = 0;

        async Task FinishedAsync()
        {
            foreach (var joiner in joiners)
            {
                await joiner;
            }

            joiners.Clear();
        }

        foreach (var step in steps)
        {
            switch (step)
            {
                case Step.Put:
                    var item = ++next;
                    var put = queue.PutAsync(item).AsTask();
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
                        putters.Add((put, item));
                    }

                    break;
                case Step.Get:
                    var cancel = new CancellationTokenSource();
                    var get = queue.GetAsync(cancel.Token).AsTask();
                    if (items.Count > 0)
                    {
                        ModelCheck.Expect(get.IsCompleted && get.Result == items[0], $"a get from [{string.Join(", ", items)}] did not return {items[0]} at once");
                        items.RemoveAt(0);
                        if (putters.Count > 0)
                        {
                            await putters[0].Task;
                            items.Add(putters[0].Item);
                            unfinished++;
                            putters.RemoveAt(0);
                        }
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
                    var join = queue.JoinAsync().AsTask();
                    ModelCheck.Expect(join.IsCompleted == (unfinished == 0), $"join with {unfinished} unfinished: completed at once is {join.IsCompleted}");
                    if (unfinished > 0)
                    {
                        joiners.Add(join);
                    }

                    break;
                case Step.CancelGetter when getters.Count > 0:
                    getters[^1].Cancel.Cancel();
                    await ModelCheck.ThrowsAsync<OperationCanceledException>(getters[^1].Task, "the cancelled getter");
                    getters.RemoveAt(getters.Count - 1);
                    break;
                case Step.Shutdown or Step.ShutdownImmediate:
                    var immediate = step == Step.ShutdownImmediate;
                    queue.Shutdown(immediate);
                    shutDown = true;
                    foreach (var (waiter, _) in getters)
                    {
                        await ModelCheck.ThrowsAsync<QueueShutDownException>(waiter, "a getter waiting at shutdown");
                    }

                    foreach (var (waiter, _) in putters)
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

            ModelCheck.Expect(queue.Count == items.Count, $"after {step}: {queue.Count} items, the model has {items.Count}");
        }

        ModelCheck.Expect(getters.All(g => !g.Task.IsCompleted) && putters.All(p => !p.Task.IsCompleted) && joiners.All(j => !j.IsCompleted), "an operation the model has waiting has completed");

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
        Get,
        TaskDone,
        Join,
        CancelGetter,
        Shutdown,
        ShutdownImmediate,
    }
}
