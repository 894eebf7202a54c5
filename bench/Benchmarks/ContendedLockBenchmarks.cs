using BenchmarkDotNet.Attributes;
using Interleave.Primitives;

namespace Interleave.Benchmarks;

/// <summary>
/// Hand-off under contention: <see cref="Tasks"/> thread-pool tasks share one lock, each doing
/// acquire / work / release rounds until <see cref="Acquisitions"/> acquisitions are done in all. The work
/// under the lock yields (as an await on I/O would), so the others queue up and nearly every acquisition
/// is a wait that a release hands the lock to: the slow path, not the fast one. Times are per acquisition.
/// </summary>
[MemoryDiagnoser]
public class ContendedLockBenchmarks
{
    /// <summary>Acquisitions per invocation, split evenly among the tasks (so times compare across task counts).</summary>
    public const int Acquisitions = 1024;

    private readonly AsyncLock _lock = new();
    private readonly AsyncSemaphore _semaphore = new(1);
    private readonly SemaphoreSlim _semaphoreSlim = new(1, 1);
    private readonly Nito.AsyncEx.AsyncLock _nitoLock = new();
    private readonly Nito.AsyncEx.AsyncSemaphore _nitoSemaphore = new(1);
    private readonly DotNext.Threading.AsyncExclusiveLock _dotNextLock = new();

    // Guarded by whichever lock the benchmark uses: the work the lock protects.
    private long _guarded;

    /// <summary>How many tasks contend for the lock.</summary>
    [Params(2, 4, 8)]
    public int Tasks { get; set; }

    private int RoundsPerTask => Acquisitions / Tasks;

    /// <summary>Contended <see cref="SemaphoreSlim"/>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Acquisitions)]
    public Task SemaphoreSlim_WaitRelease() => RunTasks(async () =>
    {
        for (var round = 0; round < RoundsPerTask; round++)
        {
            await _semaphoreSlim.WaitAsync();
            try
            {
                await WorkUnderLockAsync();
            }
            finally
            {
                _semaphoreSlim.Release();
            }
        }
    });

    /// <summary>Contended Interleave <see cref="AsyncLock"/>.</summary>
    [Benchmark(OperationsPerInvoke = Acquisitions)]
    public Task Interleave_AsyncLock() => RunTasks(async () =>
    {
        for (var round = 0; round < RoundsPerTask; round++)
        {
            using (await _lock.AcquireAsync())
            {
                await WorkUnderLockAsync();
            }
        }
    });

    /// <summary>Contended Interleave <see cref="AsyncSemaphore"/> of one permit.</summary>
    [Benchmark(OperationsPerInvoke = Acquisitions)]
    public Task Interleave_AsyncSemaphore() => RunTasks(async () =>
    {
        for (var round = 0; round < RoundsPerTask; round++)
        {
            using (await _semaphore.AcquireAsync())
            {
                await WorkUnderLockAsync();
            }
        }
    });

    /// <summary>Contended Nito.AsyncEx lock.</summary>
    [Benchmark(OperationsPerInvoke = Acquisitions)]
    public Task Nito_AsyncLock() => RunTasks(async () =>
    {
        for (var round = 0; round < RoundsPerTask; round++)
        {
            using (await _nitoLock.LockAsync())
            {
                await WorkUnderLockAsync();
            }
        }
    });

    /// <summary>Contended Nito.AsyncEx semaphore of one permit.</summary>
    [Benchmark(OperationsPerInvoke = Acquisitions)]
    public Task Nito_AsyncSemaphore() => RunTasks(async () =>
    {
        for (var round = 0; round < RoundsPerTask; round++)
        {
            await _nitoSemaphore.WaitAsync();
            try
            {
                await WorkUnderLockAsync();
            }
            finally
            {
                _nitoSemaphore.Release();
            }
        }
    });

    /// <summary>Contended dotNext exclusive lock.</summary>
    [Benchmark(OperationsPerInvoke = Acquisitions)]
    public Task DotNext_AsyncExclusiveLock() => RunTasks(async () =>
    {
        for (var round = 0; round < RoundsPerTask; round++)
        {
            await _dotNextLock.AcquireAsync();
            try
            {
                await WorkUnderLockAsync();
            }
            finally
            {
                _dotNextLock.Release();
            }
        }
    });

    private Task RunTasks(Func<Task> worker)
    {
        var tasks = new Task[Tasks];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = Task.Run(worker);
        }

        return Task.WhenAll(tasks);
    }

    private async Task WorkUnderLockAsync()
    {
        _guarded++;
        await Task.Yield();
    }
}
