using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Interleave.Primitives;

namespace Interleave.Benchmarks;

/// <summary>
/// One put and one get on a bounded queue with room and an item (the uncontended path), against a bounded
/// <see cref="Channel{T}"/>, the .NET baseline.
/// </summary>
[MemoryDiagnoser]
public class QueueBenchmarks
{
    private readonly AsyncQueue<int> _queue = new(maxSize: 64);
    private readonly AsyncPriorityQueue<int> _priorityQueue = new(maxSize: 64);
    private readonly Channel<int> _channel = Channel.CreateBounded<int>(64);

    [Benchmark(Baseline = true)]
    public async Task<int> Channel_WriteRead()
    {
        await _channel.Writer.WriteAsync(1);
        return await _channel.Reader.ReadAsync();
    }

    [Benchmark]
    public async Task<int> Interleave_AsyncQueue_PutGet()
    {
        await _queue.PutAsync(1);
        var item = await _queue.GetAsync();
        _queue.TaskDone();
        return item;
    }

    [Benchmark]
    public async Task<int> Interleave_AsyncPriorityQueue_PutGet()
    {
        await _priorityQueue.PutAsync(1);
        var item = await _priorityQueue.GetAsync();
        _priorityQueue.TaskDone();
        return item;
    }
}
