namespace Interleave.Tests.Systematic.Primitives;

/// <summary>The queue contract for <see cref="AsyncPriorityQueue{T}"/>, and its smallest-first order.</summary>
public class AsyncPriorityQueueTests : QueueContractTests
{
    // Compares the priority only, so items with equal priority differ yet compare equal.
    private static readonly IComparer<(int Priority, string Name)> ByPriority =
        Comparer<(int Priority, string Name)>.Create((x, y) => x.Priority.CompareTo(y.Priority));

    protected override AsyncQueue<int> CreateQueue(int maxSize) => new AsyncPriorityQueue<int>(maxSize);

    [Fact]
    public void AsyncPriorityQueue_PutsAndGetsInterleaved_ComeOutSmallestFirst() => Everywhere.Run(async () =>
    {
        Assert.Equal([1, 2, 3, 4, 5], await PutThreeGetOnePutTwoThenDrainAsync(new AsyncPriorityQueue<int>(), [5, 1, 4], [2, 3]));
    });

    [Fact]
    public void AsyncPriorityQueue_EqualPriorities_ComeOutInPutOrder() => Everywhere.Run(async () =>
    {
        var queue = new AsyncPriorityQueue<(int Priority, string Name)>(comparer: ByPriority);
        (int, string)[] puts = [(2, "a"), (1, "b"), (2, "c"), (1, "d"), (3, "e"), (1, "f"), (2, "g"), (1, "h")];
        foreach (var item in puts)
        {
            await queue.PutAsync(item);
        }

        var received = new List<string> { (await queue.GetAsync()).Name };
        await queue.PutAsync((1, "i"));
        await queue.PutAsync((2, "j"));
        while (queue.TryGet(out var item))
        {
            received.Add(item.Name);
        }

        Assert.Equal(["b", "d", "f", "h", "i", "a", "c", "g", "j", "e"], received);
    });

    [Fact]
    public void AsyncPriorityQueue_EqualPrioritiesAdmittedFromWaitingPutters_ComeOutInArrivalOrder() => Everywhere.Run(async () =>
    {
        var queue = new AsyncPriorityQueue<(int Priority, string Name)>(2, ByPriority);
        await queue.PutAsync((1, "a"));
        await queue.PutAsync((1, "b"));
        Task[] putters = [queue.PutAsync((1, "c")).AsTask(), queue.PutAsync((1, "d")).AsTask()];
        Assert.Equal(2, queue.PutterCount);

        var received = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            received.Add((await queue.GetAsync()).Name);
        }

        await Task.WhenAll(putters);
        Assert.Equal(["a", "b", "c", "d"], received);
    });

    [Fact]
    public void AsyncPriorityQueue_BlockedPutter_AdmittedItemTakesItsPriorityPlace() => Everywhere.Run(async () =>
    {
        var queue = new AsyncPriorityQueue<int>(2);
        await queue.PutAsync(5);
        await queue.PutAsync(3);
        var putter = queue.PutAsync(1);
        Assert.Equal(1, queue.PutterCount);

        int[] received = [await queue.GetAsync(), await queue.GetAsync(), await queue.GetAsync()];

        await putter;
        Assert.Equal([3, 1, 5], received);
    });

    [Fact]
    public void AsyncPriorityQueue_CustomComparer_OrdersByIt() => Everywhere.Run(async () =>
    {
        var queue = new AsyncPriorityQueue<int>(comparer: Comparer<int>.Create((x, y) => y.CompareTo(x)));
        foreach (var item in new[] { 2, 9, 4, 7 })
        {
            await queue.PutAsync(item);
        }

        int[] received = [await queue.GetAsync(), await queue.GetAsync(), await queue.GetAsync(), await queue.GetAsync()];

        Assert.Equal([9, 7, 4, 2], received);
    });

    [Fact]
    public void AsyncPriorityQueue_TuplesWithDefaultComparer_OrderByWholeTupleAsInAsyncio() => Everywhere.Run(async () =>
    {
        var queue = new AsyncPriorityQueue<(int Priority, string Name)>();
        await queue.PutAsync((1, "z"));
        await queue.PutAsync((0, "y"));
        await queue.PutAsync((1, "a"));

        (int, string)[] received = [await queue.GetAsync(), await queue.GetAsync(), await queue.GetAsync()];

        Assert.Equal([(0, "y"), (1, "a"), (1, "z")], received);
    });

    [Fact]
    public void AsyncPriorityQueue_DefaultName_CountsInstances()
    {
        Assert.StartsWith("AsyncPriorityQueue#", new AsyncPriorityQueue<int>().Name, StringComparison.Ordinal);
        Assert.Equal("urgent", new AsyncPriorityQueue<int>(name: "urgent").Name);
    }
}
