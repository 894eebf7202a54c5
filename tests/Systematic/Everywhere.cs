using Interleave.Harness;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Tests.Systematic;

/// <summary>
/// Runs one test body every way it must pass: on real threads (the thread pool, as in production) and
/// under Coyote exploration with the random and the prioritization (PCT) strategies.
/// </summary>
internal static class Everywhere
{
    /// <summary>Schedules explored per strategy (acceptance: at least 200 each).</summary>
    internal const int Iterations = 200;

    /// <summary>Real-thread repetitions: each is a fresh run on the thread pool.</summary>
    internal const int RealRuns = 20;

    private static readonly ExplorationStrategy[] Strategies = [ExplorationStrategy.Random, ExplorationStrategy.Prioritization];

    /// <summary>Fails the calling xunit test if <paramref name="body"/> fails on real threads or in any explored schedule.</summary>
    internal static void Run(Func<Task> body, int iterations = Iterations)
    {
        OnRealThreads(body);
        UnderCoyote(body, iterations);
    }

    /// <summary>Runs <paramref name="body"/> on the thread pool <see cref="RealRuns"/> times, each within 30 s.</summary>
    internal static void OnRealThreads(Func<Task> body)
    {
        for (var run = 0; run < RealRuns; run++)
        {
            var task = Task.Run(body);
            if (!task.Wait(TimeSpan.FromSeconds(30)))
            {
                Assert.Fail($"Real-thread run {run} did not finish within 30 s: a hang.");
            }
        }
    }

    /// <summary>Explores <paramref name="body"/> with each strategy and fails with the first bug's report.</summary>
    internal static void UnderCoyote(Func<Task> body, int iterations = Iterations)
    {
        foreach (var strategy in Strategies)
        {
            var report = Explorer.Run(body, new ExplorationOptions { Iterations = iterations, Strategy = strategy });
            Assert.False(report.BugFound, $"{strategy}: {report}");
            Assert.Equal(iterations, report.IterationsRun);
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, e.g. until a task is queued on a primitive, so a test
    /// can fix the order in which waiters arrive. Under Coyote this pauses on a dependency the scheduler
    /// sees; on real threads it polls.
    /// </summary>
    internal static async Task UntilAsync(Func<bool> condition)
    {
        if (SynchronizationContext.Current?.GetType().Name == "ControlledSynchronizationContext")
        {
            await Scheduling.PauseUntilAsync(condition);
            if (!condition())
            {
                throw new OperationCanceledException("The iteration ended first.");
            }

            return;
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The awaited condition did not hold within 20 s.");
            }

            await Task.Delay(1);
        }
    }
}
