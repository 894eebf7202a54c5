extern alias bare;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Interleave.Primitives;
using Bare = bare::Interleave.Primitives;

namespace Interleave.Benchmarks;

/// <summary>
/// What the instrumentation costs in production: each primitive (the baseline of its group) against the
/// same source compiled with the observer and Coyote hooks compiled out (bench/BarePrimitives,
/// <c>INTERLEAVE_BARE</c>). No observer is installed and no test runs, as in production, so the difference
/// is the hooks' checks: a scheduling point that asks whether Coyote controls the thread, and a report
/// that asks whether anybody observes.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InstrumentationCostBenchmarks
{
    private readonly AsyncLock _lock = new();
    private readonly Bare.AsyncLock _bareLock = new();
    private readonly AsyncSemaphore _semaphore = new(1);
    private readonly Bare.AsyncSemaphore _bareSemaphore = new(1);
    private readonly AsyncEvent _event = new();
    private readonly Bare.AsyncEvent _bareEvent = new();
    private readonly AsyncQueue<int> _queue = new(maxSize: 64);
    private readonly Bare.AsyncQueue<int> _bareQueue = new(maxSize: 64);

    /// <summary>Uncontended acquire and release of the lock.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AsyncLock")]
    public async Task Instrumented_AsyncLock()
    {
        using (await _lock.AcquireAsync())
        {
        }
    }

    /// <inheritdoc cref="Instrumented_AsyncLock"/>
    [Benchmark]
    [BenchmarkCategory("AsyncLock")]
    public async Task Bare_AsyncLock()
    {
        using (await _bareLock.AcquireAsync())
        {
        }
    }

    /// <summary>Uncontended acquire and release of a semaphore of one permit.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AsyncSemaphore")]
    public async Task Instrumented_AsyncSemaphore()
    {
        using (await _semaphore.AcquireAsync())
        {
        }
    }

    /// <inheritdoc cref="Instrumented_AsyncSemaphore"/>
    [Benchmark]
    [BenchmarkCategory("AsyncSemaphore")]
    public async Task Bare_AsyncSemaphore()
    {
        using (await _bareSemaphore.AcquireAsync())
        {
        }
    }

    /// <summary>Set the event, wait on it (completes at once), clear it.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AsyncEvent")]
    public async Task Instrumented_AsyncEvent_SetWaitClear()
    {
        _event.Set();
        await _event.WaitAsync();
        _event.Clear();
    }

    /// <inheritdoc cref="Instrumented_AsyncEvent_SetWaitClear"/>
    [Benchmark]
    [BenchmarkCategory("AsyncEvent")]
    public async Task Bare_AsyncEvent_SetWaitClear()
    {
        _bareEvent.Set();
        await _bareEvent.WaitAsync();
        _bareEvent.Clear();
    }

    /// <summary>Put an item in a queue with room, get it back, mark it done.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AsyncQueue")]
    public async Task<int> Instrumented_AsyncQueue_PutGet()
    {
        await _queue.PutAsync(1);
        var item = await _queue.GetAsync();
        _queue.TaskDone();
        return item;
    }

    /// <inheritdoc cref="Instrumented_AsyncQueue_PutGet"/>
    [Benchmark]
    [BenchmarkCategory("AsyncQueue")]
    public async Task<int> Bare_AsyncQueue_PutGet()
    {
        await _bareQueue.PutAsync(1);
        var item = await _bareQueue.GetAsync();
        _bareQueue.TaskDone();
        return item;
    }
}
