using BenchmarkDotNet.Attributes;
using Interleave.Primitives;

namespace Interleave.Benchmarks;

/// <summary>
/// The production fast path: one uncontended acquire and release, against the .NET, Nito.AsyncEx and
/// dotNext equivalents. The baseline is <see cref="SemaphoreSlim"/>, the lock most .NET code uses for async.
/// </summary>
[MemoryDiagnoser]
public class UncontendedLockBenchmarks
{
    private readonly AsyncLock _lock = new();
    private readonly AsyncSemaphore _semaphore = new(1);
    private readonly SemaphoreSlim _semaphoreSlim = new(1, 1);
    private readonly Nito.AsyncEx.AsyncLock _nitoLock = new();
    private readonly Nito.AsyncEx.AsyncSemaphore _nitoSemaphore = new(1);
    private readonly DotNext.Threading.AsyncExclusiveLock _dotNextLock = new();

    /// <summary><see cref="SemaphoreSlim.WaitAsync()"/> then <see cref="SemaphoreSlim.Release()"/>.</summary>
    [Benchmark(Baseline = true)]
    public async Task SemaphoreSlim_WaitRelease()
    {
        await _semaphoreSlim.WaitAsync();
        _semaphoreSlim.Release();
    }

    /// <summary>Our lock, through its releaser.</summary>
    [Benchmark]
    public async Task Interleave_AsyncLock()
    {
        using (await _lock.AcquireAsync())
        {
        }
    }

    /// <summary>Our semaphore of one permit, through its releaser.</summary>
    [Benchmark]
    public async Task Interleave_AsyncSemaphore()
    {
        using (await _semaphore.AcquireAsync())
        {
        }
    }

    /// <summary>Nito.AsyncEx's lock, through its disposable.</summary>
    [Benchmark]
    public async Task Nito_AsyncLock()
    {
        using (await _nitoLock.LockAsync())
        {
        }
    }

    /// <summary>Nito.AsyncEx's semaphore of one permit.</summary>
    [Benchmark]
    public async Task Nito_AsyncSemaphore()
    {
        await _nitoSemaphore.WaitAsync();
        _nitoSemaphore.Release();
    }

    /// <summary>dotNext's exclusive lock.</summary>
    [Benchmark]
    public async Task DotNext_AsyncExclusiveLock()
    {
        await _dotNextLock.AcquireAsync();
        _dotNextLock.Release();
    }
}
