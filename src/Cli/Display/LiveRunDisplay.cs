using System.Globalization;
using Interleave.Cli.Runs;
using Interleave.Harness;
using Spectre.Console;

namespace Interleave.Cli.Display;

/// <summary>
/// For a person at a terminal (Spectre.Console): a live progress bar per running test (schedules, rate,
/// elapsed, bugs so far), then a coloured summary table.
/// </summary>
internal sealed class LiveRunDisplay(IAnsiConsole console, bool showExpected, int schedulesPerTest) : IRunDisplay
{
    public IReadOnlyList<TestOutcome> Run(IReadOnlyList<TestCase> tests, int parallel, Func<TestCase, IProgress<int>?, TestOutcome> explore)
    {
        IReadOnlyList<TestOutcome> outcomes = [];
        var bugs = 0;
        console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var overall = context.AddTask(Overall(0, tests.Count, 0), maxValue: tests.Count);
                var done = 0;
                outcomes = ParallelRunner.Run(
                    tests,
                    parallel,
                    test =>
                    {
                        var task = context.AddTask(Markup.Escape(test.Name), maxValue: schedulesPerTest);
                        var started = DateTime.UtcNow;
                        var outcome = explore(test, new Progress(task, started, Markup.Escape(test.Name)));
                        task.Value = task.MaxValue;
                        task.StopTask();
                        if (outcome.Report.BugFound)
                        {
                            Interlocked.Increment(ref bugs);
                        }

                        overall.Increment(1);
                        overall.Description = Overall(Interlocked.Increment(ref done), tests.Count, bugs);
                        return outcome;
                    },
                    _ => { });
            });
        console.Write(Table(outcomes));
        return outcomes;
    }

    private static string Overall(int done, int count, int bugs) =>
        string.Create(CultureInfo.InvariantCulture, $"[bold]{done}/{count} tests[/], {(bugs == 0 ? "[green]no bug yet[/]" : $"[red]{bugs} bug(s)[/]")}");

    private Table Table(IReadOnlyList<TestOutcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("test").NoWrap());
        if (showExpected)
        {
            table.AddColumn("expected");
        }

        table.AddColumn(new TableColumn("verdict").NoWrap()).AddColumn(new TableColumn("iterations").RightAligned()).AddColumn(new TableColumn("time").RightAligned()).AddColumn("trace");
        foreach (var result in outcomes.Select(TestResult.From))
        {
            var colour = !result.AsExpected ? "yellow" : result.BugFound ? "red" : "green";
            var verdict = $"[{colour}]{result.Verdict}{(result.TimedOut ? " (timeout)" : string.Empty)}{(result.AsExpected ? string.Empty : " UNEXPECTED")}[/]";
            var cells = new List<string> { Markup.Escape(result.Name) };
            if (showExpected)
            {
                cells.Add(result.ExpectedBug is { } bug ? (bug ? "bug" : "no bug") : string.Empty);
            }

            cells.Add(verdict);
            cells.Add(result.IterationsShown.ToString(CultureInfo.InvariantCulture));
            cells.Add(string.Create(CultureInfo.InvariantCulture, $"{result.ElapsedMilliseconds / 1000:F1} s"));
            cells.Add(Markup.Escape(result.Trace ?? "-"));
            table.AddRow([.. cells]);
        }

        return table;
    }

    // Schedules started so far and the rate, shown in the test's bar.
    private sealed class Progress(ProgressTask task, DateTime started, string name) : IProgress<int>
    {
        public void Report(int value)
        {
            var seconds = Math.Max((DateTime.UtcNow - started).TotalSeconds, 0.001);
            task.Description = string.Create(CultureInfo.InvariantCulture, $"{name} [grey]{value} schedules, {value / seconds:F0}/s[/]");
            task.Value = Math.Min(value, task.MaxValue);
        }
    }
}
