using System.Runtime.ExceptionServices;

namespace Interleave.Harness.Exploration;

/// <summary>Dedicated threads running one loop side by side (each Coyote engine blocks a thread while it runs).</summary>
internal static class DedicatedThreads
{
    /// <summary>Runs <paramref name="worker"/> on <paramref name="count"/> threads, waits for all, and rethrows the first failure as itself.</summary>
    internal static void Run(int count, Action worker)
    {
        var threads = Enumerable.Range(0, count)
            .Select(_ => Task.Factory.StartNew(worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            Task.WaitAll(threads);
        }
        catch (AggregateException failure) when (failure.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(failure.InnerExceptions[0]).Throw();
        }
    }
}
