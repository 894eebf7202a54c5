using Interleave.Cli.Engines;

namespace Interleave.Cli.Runs;

/// <summary>The loop of <c>interleave test</c>: every test explored on the run's engine, telling an observer as it goes.</summary>
internal static class TestRun
{
    /// <summary>Explores <paramref name="tests"/>, up to <paramref name="atOnce"/> of them at a time.</summary>
    /// <returns>The results, in the order of <paramref name="tests"/>.</returns>
    internal static IReadOnlyList<TestResult> Execute(IReadOnlyList<TestCase> tests, IExplorationEngine engine, int atOnce, IRunObserver observer) =>
        ParallelRunner.Run(
            tests,
            atOnce,
            test =>
            {
                observer.TestStarted(test);
                var result = engine.Explore(test, new Progress(observer, test));
                observer.TestFinished(test, result);
                return result;
            },
            observer.ResultInOrder);

    // Passes an engine's progress on as the observer's event.
    private sealed class Progress(IRunObserver observer, TestCase test) : IProgress<int>
    {
        public void Report(int value) => observer.TestProgressed(test, value);
    }
}
