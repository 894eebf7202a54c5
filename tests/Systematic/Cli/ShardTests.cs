using System.Text.Json.Nodes;
using Interleave.Cli;
using Interleave.Cli.Runs;
using Interleave.Harness;
using Interleave.Primitives;

namespace Interleave.Tests.Systematic.Cli;

/// <summary>
/// Shards split the schedules of one seed into disjoint ranges: together they explore exactly the schedules
/// of the unsharded run, in the same order, and <c>merge</c> reports what that run reports.
/// </summary>
[Collection(SampleAssemblyCollection.Name)]
public sealed class ShardTests : CliTests
{
    [Fact]
    public void TwoHalves_ExploreExactlyTheSchedulesOfTheWholeRun()
    {
        var random = new ExplorationOptions { Strategy = ExplorationStrategy.Random, Seed = 5 };
        var whole = Fingerprints(random with { Iterations = 1000 });
        var firstHalf = Fingerprints(random with { Iterations = 500 });
        var secondHalf = Fingerprints(random with { Iterations = 500, FirstSchedule = 500 });

        Assert.Equal(1000, whole.Count);
        Assert.True(whole.Distinct().Count() > 20, "The test should have many different schedules.");
        Assert.Equal(whole, [.. firstHalf, .. secondHalf]);
    }

    [Fact]
    public void TwoHalvesOfThePortfolio_StartingAtAWholeTurn_RepeatItsRandomAndProbabilisticTurns()
    {
        // The default strategy: schedules 1, 5, 9, ... are random's turns, 2, 6, 10, ... probabilistic's.
        var portfolio = new ExplorationOptions { Seed = 5 };
        var whole = Fingerprints(portfolio with { Iterations = 400 });
        var halves = (List<string>)[.. Fingerprints(portfolio with { Iterations = 200 }), .. Fingerprints(portfolio with { Iterations = 200, FirstSchedule = 200 })];
        var misaligned = (List<string>)[.. Fingerprints(portfolio with { Iterations = 201 }), .. Fingerprints(portfolio with { Iterations = 199, FirstSchedule = 201 })];

        Assert.Equal(ExplorationStrategy.Portfolio, portfolio.Strategy);
        Assert.Equal(RandomFamilyTurns(whole), RandomFamilyTurns(halves));
        Assert.NotEqual(RandomFamilyTurns(whole), RandomFamilyTurns(misaligned));
    }

    [Theory]
    [InlineData(20, 2)]
    [InlineData(1000, 3)]
    [InlineData(10, 2)]
    public void ShardsOfThePortfolio_StartAtWholeTurns_AndCoverEveryScheduleOnce(int iterations, int count)
    {
        var ranges = Enumerable.Range(1, count).Select(k => new Shard(k, count).Range(iterations, ExplorationStrategy.Portfolio)).ToList();

        Assert.All(ranges, range => Assert.Equal(0, range.First % 4));
        Assert.Equal(Enumerable.Range(0, iterations), ranges.SelectMany(range => Enumerable.Range(range.First, range.Count)));
    }

    [Fact]
    public void FirstSchedule_WithoutSeed_IsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Explorer.Run(() => Task.CompletedTask, new ExplorationOptions { FirstSchedule = 10 }));

        Assert.Contains("needs a Seed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_FindTheBugOfTheWholeRun_InTheShardThatHoldsIt_AndMergeSaysSo()
    {
        // With seed 10 the if-guarded buffer first fails in schedule 14 under probabilistic: in the second of two shards of 20.
        string[] common = ["test", "-m", "buffer", "-s", "probabilistic", "-i", "20", "--seed", "10"];
        var (wholeExit, whole, _) = Run([.. common, "-o", Path.Combine(TempDir, "whole"), "--json", Path.Combine(TempDir, "whole.json")]);
        var (exit1, shard1, error1) = Run([.. common, "--shard", "1/2", "-o", Path.Combine(TempDir, "s1"), "--json", Path.Combine(TempDir, "s1.json")]);
        var (exit2, shard2, _) = Run([.. common, "--shard", "2/2", "-o", Path.Combine(TempDir, "s2"), "--json", Path.Combine(TempDir, "s2.json")]);
        var (mergeExit, merged, mergeError) = Run("merge", Path.Combine(TempDir, "s1.json"), Path.Combine(TempDir, "s2.json"), "--json", Path.Combine(TempDir, "merged.json"));

        Assert.Equal(ExitCode.BugFound, wholeExit);
        Assert.True(exit1 == ExitCode.Ok, shard1 + error1);
        Assert.Contains("shard 1/2: schedules 1-10 of 20 each", shard1, StringComparison.Ordinal);
        Assert.Equal(ExitCode.BugFound, exit2);
        Assert.Contains("shard 2/2: schedules 11-20 of 20 each", shard2, StringComparison.Ordinal);
        Assert.Contains("AssertionFailure in schedule 14", whole, StringComparison.Ordinal);
        Assert.Contains("AssertionFailure in schedule 14", shard2, StringComparison.Ordinal);
        // The same schedule: the same steps and account (the trace also records the seed its engine started at).
        var wholeTrace = JsonNode.Parse(File.ReadAllText(Path.Combine(TempDir, "whole", "buffer.if-guarded-wait.trace")))!;
        var shardTrace = JsonNode.Parse(File.ReadAllText(Path.Combine(TempDir, "s2", "buffer.if-guarded-wait.trace")))!;
        Assert.Equal(wholeTrace["Steps"]!.ToJsonString(), shardTrace["Steps"]!.ToJsonString());
        Assert.Equal(wholeTrace["InterleaveAccount"]!.ToJsonString(), shardTrace["InterleaveAccount"]!.ToJsonString());

        Assert.True(mergeExit == ExitCode.BugFound, merged + mergeError);
        Assert.Empty(mergeError);
        Assert.Equal(Rows(whole), Rows(merged));
        var wholeJson = JsonNode.Parse(File.ReadAllText(Path.Combine(TempDir, "whole.json")))!;
        var mergedJson = JsonNode.Parse(File.ReadAllText(Path.Combine(TempDir, "merged.json")))!;
        foreach (var field in new[] { "name", "verdict", "failingSchedule" })
        {
            Assert.Equal(Column(wholeJson, field), Column(mergedJson, field));
        }

        Assert.Equal(Column(wholeJson, "schedulesRun")[1], Column(mergedJson, "schedulesRun")[1]);
    }

    [Fact]
    public void Merge_OfShardsOfDifferentRuns_IsRefusedNamingTheDifference()
    {
        Run("test", "-m", "bank.safe", "-i", "20", "--seed", "1", "--shard", "1/2", "--json", Path.Combine(TempDir, "a.json"), "-o", OutDir);
        Run("test", "-m", "bank.safe", "-i", "20", "--seed", "2", "--shard", "2/2", "--json", Path.Combine(TempDir, "b.json"), "-o", OutDir);

        AssertUsageError(Run("merge", Path.Combine(TempDir, "a.json"), Path.Combine(TempDir, "b.json")), "are not shards of one run: the seed 2 vs 1");
    }

    [Fact]
    public void Merge_WithAShardMissing_WarnsThatTheTotalsArePartial()
    {
        Run("test", "-m", "bank.safe", "-i", "30", "--seed", "1", "--shard", "2/3", "--json", Path.Combine(TempDir, "b.json"), "-o", OutDir);

        var (exit, output, error) = Run("merge", Path.Combine(TempDir, "b.json"));

        Assert.True(exit == ExitCode.Ok, output + error);
        Assert.Contains("shard(s) 1/3, 3/3 missing", error, StringComparison.Ordinal);
        // Schedules 9-20: the portfolio's shards start at whole turns of its four strategies.
        Assert.Matches(@"bank\.safe-withdraw +no bug +NoBug +12 ", output);
    }

    [Theory]
    [InlineData("0/2", "--shard takes K/N with 1 <= K <= N")]
    [InlineData("3/2", "--shard takes K/N with 1 <= K <= N")]
    [InlineData("1of2", "--shard takes K/N with 1 <= K <= N")]
    public void Shard_Malformed_IsAUsageError(string shard, string message)
    {
        AssertUsageError(Run("test", "-m", "bank", "--seed", "1", "--shard", shard), message);
    }

    [Fact]
    public void Shard_WithoutSeed_IsAUsageError()
    {
        AssertUsageError(Run("test", "-m", "bank", "--shard", "1/2"), "--shard needs --seed");
    }

    [Fact]
    public void Shard_WithMoreShardsThanSchedules_IsAUsageError()
    {
        AssertUsageError(Run("test", "-m", "bank", "-i", "2", "--seed", "1", "--shard", "1/3"), "--shard 1/3 gets no schedules: 2 iterations cannot be split 3 ways");
    }

    [Fact]
    public void Merge_OfAFileThatIsNotASummary_IsAUsageError()
    {
        var path = Path.Combine(TempDir, "not.json");
        File.WriteAllText(path, "{\"hello\": 1}");

        AssertUsageError(Run("merge", path), "is not a run summary of interleave test --json");
    }

    // One string per schedule: the order in which three tasks passed two yields each.
    private static List<string> Fingerprints(ExplorationOptions options)
    {
        var fingerprints = new List<string>();
        var report = Explorer.Run(
            async () =>
            {
                var order = new List<string>();
                async Task Step(string name)
                {
                    order.Add(name);
                    await ControlledTask.Yield();
                    order.Add(name);
                    await ControlledTask.Yield();
                }

                await Task.WhenAll(ControlledTask.Run(() => Step("a")), ControlledTask.Run(() => Step("b")), ControlledTask.Run(() => Step("c")));
                fingerprints.Add(string.Concat(order));
            },
            options);
        Assert.False(report.BugFound, report.ToString());
        return fingerprints;
    }

    // The schedules of the portfolio's random and probabilistic turns, the first two of every four.
    private static List<string> RandomFamilyTurns(List<string> fingerprints) =>
        [.. fingerprints.Where((_, index) => index % 4 < 2)];

    // The table rows (test, expected, verdict, iterations) without time and trace path.
    private static List<string> Rows(string output) =>
        [.. output.Split('\n').Where(line => line.StartsWith("buffer.", StringComparison.Ordinal))
            .Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4)))];

    private static List<string> Column(JsonNode summary, string field) =>
        [.. summary["tests"]!.AsArray().Select(test => test![field]!.ToString())];
}
