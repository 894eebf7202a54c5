namespace Interleave.Tests.Systematic.Primitives;

/// <summary>The queue contract for <see cref="AsyncLifoQueue{T}"/>, and its last-in, first-out order.</summary>
public class AsyncLifoQueueTests : QueueContractTests
{
    protected override AsyncQueue<int> CreateQueue(int maxSize) => new AsyncLifoQueue<int>(maxSize);

    [Fact]
    public void AsyncLifoQueue_PutsAndGetsInterleaved_ComeOutLastInFirstOut() => Everywhere.Run(async () =>
    {
        Assert.Equal([3, 5, 4, 2, 1], await PutThreeGetOnePutTwoThenDrainAsync(new AsyncLifoQueue<int>(), [1, 2, 3], [4, 5]));
    });

    [Fact]
    public void AsyncLifoQueue_BlockedPutter_ItsItemIsOnTopOnceAdmitted() => Everywhere.Run(async () =>
    {
        var queue = new AsyncLifoQueue<int>(2);
        await queue.PutAsync(1);
        await queue.PutAsync(2);
        var putter = queue.PutAsync(3);
        Assert.Equal(1, queue.PutterCount);

        // Taking 2 admits 3 on top of 1, as asyncio's woken putter pushes it.
        int[] received = [await queue.GetAsync(), await queue.GetAsync(), await queue.GetAsync()];

        await putter;
        Assert.Equal([2, 3, 1], received);
    });

    [Fact]
    public void AsyncLifoQueue_DefaultName_CountsInstances()
    {
        Assert.StartsWith("AsyncLifoQueue#", new AsyncLifoQueue<int>().Name, StringComparison.Ordinal);
        Assert.Equal("stack", new AsyncLifoQueue<int>(name: "stack").Name);
    }
}
