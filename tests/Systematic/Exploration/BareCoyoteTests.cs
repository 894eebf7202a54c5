using Interleave.Primitives.Instrumentation;
using Interleave.Scenarios;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// The primitives under a bare Coyote <c>TestingEngine</c> (no harness, no observer), as a user of Coyote's
/// own test runner would run them: every wait is still one the scheduler sees, so a deadlock is found and a
/// correct program passes. Guards the shortcut that skips the controlled-thread check (and the hooks) until Coyote's testing
/// assembly is loaded.
/// </summary>
public class BareCoyoteTests
{
    [Fact]
    public void TestingEngineAssembly_IsTheOneThatHoldsTheTestingEngine() =>
        Assert.Equal(Hooks.TestingEngineAssembly, typeof(TestingEngine).Assembly.GetName().Name);

    [Fact]
    public void OppositeLockOrder_DeadlockFoundByABareEngine()
    {
        var report = RunBare(ScenarioCatalog.All.Single(s => s.Name == "locks.opposite-order").Test, iterations: 200);

        Assert.True(report.NumOfFoundBugs > 0, "a bare engine should find the lock-ordering deadlock");
        Assert.Contains("Deadlock detected", report.BugReports.First(), StringComparison.Ordinal);
    }

    [Fact]
    public void ConsistentLockOrder_PassesABareEngine()
    {
        var report = RunBare(ScenarioCatalog.All.Single(s => s.Name == "locks.consistent-order").Test, iterations: 500);

        Assert.Equal(0, report.NumOfFoundBugs);
        Assert.Equal(500, report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths);
    }

    private static TestReport RunBare(Func<Task> test, int iterations)
    {
        var configuration = Configuration.Create()
            .WithTelemetryEnabled(false)
            .WithVerbosityEnabled(VerbosityLevel.None)
            .WithTestingIterations((uint)iterations)
            .WithRandomGeneratorSeed(7);
        using var engine = TestingEngine.Create(configuration, test);
        engine.SetLogger(new TextWriterLogger(TextWriter.Null, VerbosityLevel.None));
        engine.Run();
        return engine.TestReport;
    }
}
