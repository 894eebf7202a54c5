using Interleave.Cli.Runs;

namespace Interleave.Cli.Engines;

/// <summary>
/// Explores the tests of one <c>interleave test</c> run, each with the run's options, and writes each bug's
/// trace, account and HTML report to the run's output folder: in this process (<see cref="InProcessEngine"/>),
/// in engine processes taking one test each (<see cref="ProcessPoolEngine"/>), or one test in engine processes
/// taking a range of its schedules each (<see cref="RangeSplitEngine"/>). <see cref="ExplorationEngines.For"/>
/// chooses one per run. Safe to call from several threads, one test per call.
/// </summary>
internal interface IExplorationEngine : IDisposable
{
    /// <summary>Where the run's heading says the tests are explored: ", 2 at a time in engine processes", or empty.</summary>
    string Placement { get; }

    /// <summary>How many tests the run loop may hand this engine at once.</summary>
    int TestsAtOnce { get; }

    /// <summary>Explores <paramref name="test"/> and writes its bug's files.</summary>
    /// <param name="test">The test.</param>
    /// <param name="progress">Told the schedules started so far, now and then; null for none.</param>
    /// <returns>What the exploration found.</returns>
    /// <exception cref="UsageException">The bug's files cannot be written.</exception>
    /// <exception cref="InvalidOperationException">An engine process failed in a way that is not a verdict.</exception>
    TestResult Explore(TestCase test, IProgress<int>? progress);
}
