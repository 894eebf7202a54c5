namespace Interleave.Cli.Runs;

/// <summary>
/// Told what a run does as it does it (<see cref="TestRun"/>): the displays observe the run instead of running it.
/// Called from the threads that explore the tests, so several calls may come at once.
/// </summary>
internal interface IRunObserver
{
    /// <summary>An engine started exploring <paramref name="test"/>.</summary>
    void TestStarted(TestCase test);

    /// <summary><paramref name="schedules"/> schedules of <paramref name="test"/> have started so far.</summary>
    void TestProgressed(TestCase test, int schedules);

    /// <summary><paramref name="test"/> is done, whether or not the tests before it are.</summary>
    void TestFinished(TestCase test, TestResult result);

    /// <summary>The next result in the order of the run's tests, once it and every one before it are done.</summary>
    void ResultInOrder(TestResult result);
}
