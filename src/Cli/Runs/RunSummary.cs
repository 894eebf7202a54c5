using Interleave.Harness.Tracing;

namespace Interleave.Cli.Runs;

/// <summary>
/// A run of <c>interleave test</c> (or a merge of its shards) for machines: written by <c>--json</c>, read by
/// <c>interleave merge</c>.
/// </summary>
/// <param name="Source">"the built-in scenarios" or the assembly's file name.</param>
/// <param name="Strategy">The strategy's command-line name.</param>
/// <param name="Seed">The seed of every test's schedules.</param>
/// <param name="Iterations">Schedules per test of the whole run (all shards).</param>
/// <param name="ShardCount">N of <c>--shard K/N</c>; 1 for an unsharded run.</param>
/// <param name="Shards">The K of each shard this summary covers (all of 1..N for a complete run).</param>
/// <param name="ChecksExpectations">True for the built-in scenarios run whole: success means each behaved as expected.</param>
/// <param name="Tests">One result per test, in run order.</param>
internal sealed record RunSummary(
    string Source,
    string Strategy,
    uint Seed,
    int Iterations,
    int ShardCount,
    IReadOnlyList<int> Shards,
    bool ChecksExpectations,
    IReadOnlyList<TestResult> Tests)
{
    /// <summary>The format's name and version, so a reader can refuse what it does not know.</summary>
    public string Format { get; init; } = "interleave-run-summary/1";

    /// <summary>Coyote's version: shards of one run must share it.</summary>
    public string CoyoteVersion { get; init; } = TraceFile.CoyoteVersion;

    /// <summary>Tests in which a schedule failed.</summary>
    public int BugsFound => Tests.Count(t => t.BugFound);

    /// <summary>Tests that stalled on work the scheduler cannot see (<see cref="Harness.Verdict.Uncontrolled"/>).</summary>
    public int UncontrolledTests => Tests.Count(t => t.Verdict == Harness.Verdict.Uncontrolled);

    /// <summary>Schedules run over all tests.</summary>
    public long SchedulesRun => Tests.Sum(t => (long)t.SchedulesRun);

    /// <summary>The shards of 1..N this summary lacks.</summary>
    public IReadOnlyList<int> MissingShards => [.. Enumerable.Range(1, ShardCount).Except(Shards)];

    /// <summary>The process exit code the run stands for: see <see cref="ExitCode"/>.</summary>
    public int ExitCode => ChecksExpectations
        ? (Tests.All(t => t.AsExpected) ? Cli.ExitCode.Ok : Cli.ExitCode.BugFound)
        : BugsFound > 0 ? Cli.ExitCode.BugFound
        : UncontrolledTests > 0 ? Cli.ExitCode.UsageError
        : Cli.ExitCode.Ok;

    /// <summary>The closing sentence of a run: what was found, or which scenarios surprised.</summary>
    public string Conclusion()
    {
        if (ChecksExpectations)
        {
            var surprises = Tests.Count(t => !t.AsExpected);
            return surprises == 0
                ? $"Every scenario behaved as expected: {BugsFound} bugs found, {Tests.Count - BugsFound} correct programs passed."
                : $"{surprises} scenario(s) did not behave as expected (marked UNEXPECTED).";
        }

        var tests = Tests.Count == 1 ? "1 test" : $"{Tests.Count} tests";
        var found = BugsFound == 0 ? $"No bug found in {tests}." : $"Found {BugsFound} bug(s) in {tests}.";
        return UncontrolledTests == 0
            ? found
            : $"{found} {UncontrolledTests} stalled on work the scheduler cannot see (Uncontrolled): they cannot be judged until it goes through Interleave's primitives and ControlledTask.";
    }
}
