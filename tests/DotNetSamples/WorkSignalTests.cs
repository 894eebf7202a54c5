using System.Collections.Concurrent;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.DotNetSamples;

/// <summary>
/// A dispatcher posts two jobs to a worker thread: each job goes on a <see cref="ConcurrentQueue{T}"/> and the
/// worker is woken by an <see cref="AutoResetEvent"/>.
/// </summary>
public static class WorkSignalTests
{
    private const int Jobs = 2;

    /// <summary>
    /// Buggy: the worker takes one job per wake-up, but two signals sent before it waits wake it once (an
    /// auto-reset event is set or not, it does not count), so it waits for the second job for ever.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task OneJobPerSignal() => DispatchAsync(drainOnWake: false);

    /// <summary>Correct: on every wake-up the worker takes every job queued.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task DrainOnEverySignal() => DispatchAsync(drainOnWake: true);

    private static Task DispatchAsync(bool drainOnWake)
    {
        var jobs = new ConcurrentQueue<int>();
        using var signal = new AutoResetEvent(false);
        var worker = Task.Run(() => Work(jobs, signal, drainOnWake));
        var dispatcher = Task.Run(() =>
        {
            for (var job = 1; job <= Jobs; job++)
            {
                jobs.Enqueue(job);
                signal.Set();
            }
        });
        Task.WaitAll(worker, dispatcher);
        return Task.CompletedTask;
    }

    private static void Work(ConcurrentQueue<int> jobs, AutoResetEvent signal, bool drainOnWake)
    {
        var done = 0;
        while (done < Jobs)
        {
            signal.WaitOne();
            while (jobs.TryDequeue(out var job))
            {
                Specification.Assert(job == done + 1, $"The worker ran job {job} after {done} jobs.");
                done++;
                if (!drainOnWake)
                {
                    break;
                }
            }
        }
    }
}
