using System.CommandLine;
using System.Globalization;
using Interleave.Cli.Display;
using Interleave.Cli.Runs;

namespace Interleave.Cli.Commands;

/// <summary>
/// <c>interleave merge summary.json... [--json PATH]</c>: folds the <c>--json</c> summaries of the shards of
/// one run into the summary of the whole run: schedules and time add up, and each test's bug is the
/// lowest-numbered failing schedule any shard found, as one unsharded run would have reported it.
/// </summary>
internal static class MergeCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("summaries") { Arity = ArgumentArity.OneOrMore, HelpName = "summary.json", Description = "The --json files of the shards." };
        var json = new Option<string?>("--json") { Description = "Also write the merged summary to PATH.", HelpName = "PATH" };
        var command = new Command("merge", "Merge the --json summaries of the shards of one run (interleave test --shard K/N --json ...). Exit code as interleave test's.")
        {
            files, json,
        };
        command.SetAction(parse => Execute(parse.GetValue(files) ?? [], parse.GetValue(json), output, error));
        return command;
    }

    internal static int Execute(IReadOnlyList<string> paths, string? jsonPath, TextWriter output, TextWriter error)
    {
        var summaries = paths.Select(path => (Path: path, Summary: RunSummaryFile.Read(path))).ToList();
        var merged = Merge(summaries);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Merged {summaries.Count} summaries of {merged.Source}: {merged.Strategy} strategy, seed {merged.Seed}, {merged.Iterations} schedules per test in {merged.ShardCount} shard(s)."));
        if (merged.MissingShards.Count > 0)
        {
            error.WriteLine($"interleave: warning: shard(s) {string.Join(", ", merged.MissingShards.Select(k => $"{k}/{merged.ShardCount}"))} missing: the totals cover only part of the run.");
        }

        output.WriteLine();
        var table = new RunSummaryTable(merged.Tests.Select(t => t.Name), merged.Tests.Any(t => t.ExpectedBug is not null));
        output.WriteLine(table.Header());
        foreach (var test in merged.Tests)
        {
            output.WriteLine(table.Row(test));
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{merged.SchedulesRun} schedules run. {merged.Conclusion()}"));
        if (jsonPath is not null)
        {
            RunSummaryFile.Write(jsonPath, merged);
        }

        return merged.ExitCode;
    }

    internal static RunSummary Merge(IReadOnlyList<(string Path, RunSummary Summary)> summaries)
    {
        var (firstPath, first) = summaries[0];

        // What shards of one run share, and how a difference is shown.
        (string What, Func<RunSummary, string> Show)[] shared =
        [
            ("tests from", s => s.Source),
            ("the strategy", s => s.Strategy),
            ("the seed", s => s.Seed.ToString(CultureInfo.InvariantCulture)),
            ("the iterations", s => s.Iterations.ToString(CultureInfo.InvariantCulture)),
            ("the shard count", s => s.ShardCount.ToString(CultureInfo.InvariantCulture)),
            ("the Coyote version", s => s.CoyoteVersion),
            ("the tests", s => string.Join(", ", s.Tests.Select(t => t.FullName))),
        ];
        foreach (var (path, summary) in summaries.Skip(1))
        {
            if (shared.FirstOrDefault(field => field.Show(summary) != field.Show(first)) is { What: not null } differs)
            {
                throw new UsageException($"{path} and {firstPath} are not shards of one run: {differs.What} {differs.Show(summary)} vs {differs.Show(first)}.");
            }
        }

        var shards = summaries.SelectMany(s => s.Summary.Shards).ToList();
        if (shards.GroupBy(k => k).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new UsageException($"Shard {twice.Key}/{first.ShardCount} is in more than one summary: merge each shard once.");
        }

        var tests = first.Tests.Select((test, index) => ShardFold.Fold([.. summaries.Select(s => s.Summary.Tests[index])])).ToList();
        return first with { Shards = [.. shards.Order()], Tests = tests };
    }
}
