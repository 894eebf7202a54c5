using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Interleave.Primitives;

namespace Interleave.Benchmarks;

/// <summary>
/// Throughput between one producer and one consumer task on the thread pool, <see cref="Items"/> items per
/// invocation, against <see cref="Channel{T}"/> (the baseline) and Nito.AsyncEx's producer/consumer queue.
/// The consumer does a little work per item, so the producer is the faster: with a
/// <see cref="Capacity"/> of 16 it fills the queue and waits for room (back-pressure); unbounded, the queue
/// grows instead. Times are per item.
/// </summary>
/// <remarks>
/// Each invocation makes a fresh queue (amortized over the items), so our queues need no <c>TaskDone</c>
/// and every kind starts empty.
/// </remarks>
[MemoryDiagnoser]
public class QueueThroughputBenchmarks
{
    /// <summary>Items each invocation moves from producer to consumer.</summary>
    public const int Items = 4096;

    // About 90 ns on the machine of bench/RESULTS.md, more than a put costs, so the consumer falls behind;
    // much more would hide the queues' own cost behind the spinning.
    private const int ConsumerSpinIterations = 2;

    /// <summary>The queue's capacity; 0 for unbounded (asyncio's <c>maxsize</c> convention).</summary>
    [Params(0, 16)]
    public int Capacity { get; set; }

    /// <summary>A channel, bounded to <see cref="Capacity"/> when it is not 0.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public Task<long> Channel_WriteRead()
    {
        var channel = Capacity == 0 ? Channel.CreateUnbounded<int>() : Channel.CreateBounded<int>(Capacity);
        return Transfer(
            async () =>
            {
                for (var i = 0; i < Items; i++)
                {
                    await channel.Writer.WriteAsync(i);
                }
            },
            () => channel.Reader.ReadAsync());
    }

    /// <summary>Interleave <see cref="AsyncQueue{T}"/>.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public Task<long> Interleave_AsyncQueue_PutGet()
    {
        var queue = new AsyncQueue<int>(Capacity);
        return Transfer(
            async () =>
            {
                for (var i = 0; i < Items; i++)
                {
                    await queue.PutAsync(i);
                }
            },
            () => queue.GetAsync());
    }

    /// <summary>Nito.AsyncEx <see cref="Nito.AsyncEx.AsyncProducerConsumerQueue{T}"/>.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public Task<long> Nito_AsyncProducerConsumerQueue_EnqueueDequeue()
    {
        var queue = Capacity == 0
            ? new Nito.AsyncEx.AsyncProducerConsumerQueue<int>()
            : new Nito.AsyncEx.AsyncProducerConsumerQueue<int>(Capacity);
        return Transfer(
            async () =>
            {
                for (var i = 0; i < Items; i++)
                {
                    await queue.EnqueueAsync(i);
                }
            },
            () => new ValueTask<int>(queue.DequeueAsync()));
    }

    /// <summary>Runs the producer and a consumer of <see cref="Items"/> items side by side; returns the items' sum.</summary>
    private static async Task<long> Transfer(Func<Task> produce, Func<ValueTask<int>> take)
    {
        var producer = Task.Run(produce);
        var consumer = Task.Run(async () =>
        {
            long sum = 0;
            for (var i = 0; i < Items; i++)
            {
                sum += await take();
                Thread.SpinWait(ConsumerSpinIterations);
            }

            return sum;
        });
        await producer;
        return await consumer;
    }
}
