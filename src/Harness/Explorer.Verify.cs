using System.Text;
using Interleave.Harness.Reports;
using Interleave.Primitives;

namespace Interleave.Harness;

/// <content>
/// One-line systematic tests for any test framework:
/// <c>Explorer.Verify(BankScenarios.SafeWithdraw, iterations: 1000);</c> passes when no explored schedule
/// fails, and otherwise throws a <see cref="BugFoundException"/> whose message is the account of the
/// failing schedule, the path of its trace and the call that replays it (or, for a test that escaped the
/// scheduler's control, an <see cref="UncontrolledTestException"/> that says what escaped).
/// </content>
public static partial class Explorer
{
    /// <summary>The folder traces are saved in unless told otherwise: <c>interleave-out</c> under the current directory.</summary>
    public static string DefaultOutputDirectory => Path.Combine(Environment.CurrentDirectory, "interleave-out");

    /// <summary>
    /// Explores <paramref name="test"/> and throws if any schedule fails: the one-line systematic test, e.g.
    /// <c>Explorer.Verify(BankScenarios.SafeWithdraw, iterations: 1000);</c> in an xunit <c>[Fact]</c>.
    /// </summary>
    /// <param name="test">The test: an async method built on Interleave primitives and <c>ControlledTask</c>.</param>
    /// <param name="iterations">How many schedules to explore.</param>
    /// <param name="strategy">The scheduling strategy.</param>
    /// <param name="seed">A fixed seed, for a run that explores the same schedules every time.</param>
    /// <param name="outputDirectory">Where to save the failing schedule's trace; defaults to <see cref="DefaultOutputDirectory"/>.</param>
    /// <returns>The report of a run in which no schedule failed.</returns>
    /// <exception cref="BugFoundException">A schedule failed.</exception>
    /// <exception cref="UncontrolledTestException">A schedule stalled on work the scheduler cannot see: the test cannot be judged.</exception>
    /// <exception cref="TestSetupException">Code the test calls failed to load: it cannot run as built.</exception>
    public static ExplorationReport Verify(
        Func<Task> test,
        int iterations = 1000,
        ExplorationStrategy strategy = ExplorationStrategy.Portfolio,
        uint? seed = null,
        string? outputDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(test);
        var report = Run(test, new ExplorationOptions { Iterations = iterations, Strategy = strategy, Seed = seed });
        if (report.Finding is null)
        {
            return report;
        }

        var name = ControlledTask.ReadableMethodName(test);
        var tracePath = BugFiles.Write(outputDirectory ?? DefaultOutputDirectory, name, report, name);
        var htmlPath = Path.ChangeExtension(tracePath, ".html");

        var message = new StringBuilder()
            .AppendLine($"{report.Verdict} in schedule {report.FailingSchedule} of {iterations} ({strategy}): {report.Message}")
            .AppendLine()
            .Append(report.Account)
            .AppendLine()
            .AppendLine($"Trace: {tracePath}")
            .AppendLine($"Report: {htmlPath}")
            .AppendLine(test.Method.Name == name
                ? $"Replay: Explorer.Replay({name}, File.ReadAllText(\"{tracePath}\"))"
                : $"Replay: Explorer.Replay(test, File.ReadAllText(\"{tracePath}\")), test being the delegate {name} gives Explorer.Verify")
            .ToString();
        throw report.BugFound
            ? new BugFoundException(message) { Report = report, TracePath = tracePath }
            : new UncontrolledTestException(message) { Report = report, TracePath = tracePath };
    }
}
