using BenchmarkDotNet.Attributes;
using Interleave.Primitives;

namespace Interleave.Benchmarks;

/// <summary>
/// The production fast path: one uncontended acquire and release, against the .NET and Nito.AsyncEx
/// equivalents. The baseline is <see cref="SemaphoreSlim"/>, the lock most .NET code uses for async.
/// </summary>
[MemoryDiagnoser]
public class UncontendedLockBenchmarks
{
    private readonly AsyncLock _lock = new();
    private readonly AsyncSemaphore _semaphore = new(1);
    private readonly SemaphoreSlim _semaphoreSlim = new(1, 1);
    private readonly Nito.AsyncEx.AsyncLock _nitoLock = new();

    [Benchmark(Baseline = true)]
    public async Task SemaphoreSlim_WaitRelease()
    {
        await _semaphoreSlim.WaitAsync();
        _semaphoreSlim.Release();
    }

    [Benchmark]
    public async Task Interleave_AsyncLock()
    {
        using (await _lock.AcquireAsync())
        {
        }
    }

    [Benchmark]
    public async Task Interleave_AsyncSemaphore()
    {
        using (await _semaphore.AcquireAsync())
        {
        }
    }

    [Benchmark]
    public async Task Nito_AsyncLock()
    {
        using (await _nitoLock.LockAsync())
        {
        }
    }
}
