namespace Interleave.Tests.Systematic.Primitives;

/// <summary>The queue contract for <see cref="AsyncQueue{T}"/>, and its first-in, first-out order.</summary>
public class AsyncQueueTests : QueueContractTests
{
    protected override AsyncQueue<int> CreateQueue(int maxSize) => new(maxSize);

    [Fact]
    public void AsyncQueue_PutsAndGetsInterleaved_ComeOutFirstInFirstOut() => Everywhere.Run(async () =>
    {
        Assert.Equal([1, 2, 3, 4, 5], await PutThreeGetOnePutTwoThenDrainAsync(new AsyncQueue<int>(), [1, 2, 3], [4, 5]));
    });

    [Fact]
    public void AsyncQueue_BlockedPutters_TheirItemsFollowStoredOnesInArrivalOrder() => Everywhere.Run(async () =>
    {
        var queue = new AsyncQueue<int>(2);
        await queue.PutAsync(1);
        await queue.PutAsync(2);
        Task[] putters = [queue.PutAsync(3).AsTask(), queue.PutAsync(4).AsTask()];
        Assert.Equal(2, queue.PutterCount);

        var received = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            received.Add(await queue.GetAsync());
        }

        await Task.WhenAll(putters);
        Assert.Equal([1, 2, 3, 4], received);
    });

    [Fact]
    public void AsyncQueue_OneProducerOneConsumerConcurrently_ReceivesInPutOrder() => Everywhere.Run(async () =>
    {
        var queue = new AsyncQueue<int>(1);
        var producer = ControlledTask.Run(async () =>
        {
            for (var i = 1; i <= 4; i++)
            {
                await queue.PutAsync(i);
            }
        });
        var consumer = ControlledTask.Run(async () =>
        {
            var received = new List<int>();
            for (var i = 0; i < 4; i++)
            {
                received.Add(await queue.GetAsync());
            }

            return received;
        });

        await producer;
        var received = await consumer;
        Assert.Equal([1, 2, 3, 4], received);
        Assert.True(queue.IsEmpty);
    });

    [Fact]
    public void AsyncQueue_Names_DefaultCountsInstancesAndGivenNameAppearsInErrors()
    {
        Assert.StartsWith("AsyncQueue#", new AsyncQueue<int>().Name, StringComparison.Ordinal);
        var queue = new AsyncQueue<int>(name: "jobs");
        queue.Shutdown();

        var error = Assert.Throws<QueueShutDownException>(() => queue.TryPut(1));

        Assert.Equal("jobs", queue.Name);
        Assert.StartsWith("jobs has been shut down", error.Message, StringComparison.Ordinal);
    }
}
