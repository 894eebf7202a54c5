using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Interleave.Primitives;

namespace Interleave.Benchmarks;

/// <summary>
/// One put and one get on a bounded queue with room and an item (the uncontended path), against a bounded
/// <see cref="Channel{T}"/>, the .NET baseline, and Nito.AsyncEx's producer/consumer queue.
/// </summary>
/// <remarks>
/// Our queues also call <c>TaskDone</c> (asyncio's bookkeeping for <c>join</c>, which the peers lack): a
/// queue reused for billions of puts would otherwise overflow its count of unfinished items.
/// </remarks>
[MemoryDiagnoser]
public class QueueBenchmarks
{
    private const int Capacity = 64;

    private readonly AsyncQueue<int> _queue = new(maxSize: Capacity);
    private readonly AsyncPriorityQueue<int> _priorityQueue = new(maxSize: Capacity);
    private readonly Channel<int> _channel = Channel.CreateBounded<int>(Capacity);
    private readonly Nito.AsyncEx.AsyncProducerConsumerQueue<int> _nitoQueue = new(Capacity);

    /// <summary>A bounded channel's write then read.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> Channel_WriteRead()
    {
        await _channel.Writer.WriteAsync(1);
        return await _channel.Reader.ReadAsync();
    }

    /// <summary>Interleave FIFO queue: put, get, task done.</summary>
    [Benchmark]
    public async Task<int> Interleave_AsyncQueue_PutGet()
    {
        await _queue.PutAsync(1);
        var item = await _queue.GetAsync();
        _queue.TaskDone();
        return item;
    }

    /// <summary>Interleave priority queue: put, get, task done.</summary>
    [Benchmark]
    public async Task<int> Interleave_AsyncPriorityQueue_PutGet()
    {
        await _priorityQueue.PutAsync(1);
        var item = await _priorityQueue.GetAsync();
        _priorityQueue.TaskDone();
        return item;
    }

    /// <summary>Nito.AsyncEx bounded queue: enqueue then dequeue.</summary>
    [Benchmark]
    public async Task<int> Nito_AsyncProducerConsumerQueue_EnqueueDequeue()
    {
        await _nitoQueue.EnqueueAsync(1);
        return await _nitoQueue.DequeueAsync();
    }
}
