using System.Collections.Concurrent;
using System.Globalization;
using Interleave.Cli.Runs;
using Interleave.Harness;
using Spectre.Console;

namespace Interleave.Cli.Display;

/// <summary>
/// For a person at a terminal (Spectre.Console): a live progress bar per running test (schedules, rate,
/// elapsed, bugs so far), then a coloured summary table.
/// </summary>
internal sealed class LiveRunDisplay(IAnsiConsole console, bool showExpected, int schedulesPerTest, int tests) : IRunDisplay
{
    private readonly ConcurrentDictionary<TestCase, Bar> _bars = new();
    private ProgressContext? _context;
    private ProgressTask? _overall;
    private int _done;
    private int _bugs;

    public void Show(Action run) =>
        console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                _context = context;
                _overall = context.AddTask(Overall(0, 0), maxValue: tests);
                run();
            });

    public void TestStarted(TestCase test)
    {
        var name = Markup.Escape(test.Name);
        _bars[test] = new Bar(Context.AddTask(name, maxValue: schedulesPerTest), DateTime.UtcNow, name);
    }

    public void TestProgressed(TestCase test, int schedules)
    {
        var bar = _bars[test];
        var seconds = Math.Max((DateTime.UtcNow - bar.Started).TotalSeconds, 0.001);
        bar.Task.Description = string.Create(CultureInfo.InvariantCulture, $"{bar.Name} [grey]{schedules} schedules, {schedules / seconds:F0}/s[/]");
        bar.Task.Value = Math.Min(schedules, bar.Task.MaxValue);
    }

    public void TestFinished(TestCase test, TestResult result)
    {
        var task = _bars[test].Task;
        task.Value = task.MaxValue;
        task.StopTask();
        var bugs = result.BugFound ? Interlocked.Increment(ref _bugs) : Volatile.Read(ref _bugs);
        var overall = _overall!;
        overall.Increment(1);
        overall.Description = Overall(Interlocked.Increment(ref _done), bugs);
    }

    public void ResultInOrder(TestResult result)
    {
    }

    public void Summarize(IReadOnlyList<TestResult> results) => console.Write(Table(results));

    private ProgressContext Context => _context ?? throw new InvalidOperationException("The live display shows a run only inside Show.");

    private string Overall(int done, int bugs) =>
        string.Create(CultureInfo.InvariantCulture, $"[bold]{done}/{tests} tests[/], {(bugs == 0 ? "[green]no bug yet[/]" : $"[red]{bugs} bug(s)[/]")}");

    private Table Table(IReadOnlyList<TestResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("test").NoWrap());
        if (showExpected)
        {
            table.AddColumn("expected");
        }

        table.AddColumn(new TableColumn("verdict").NoWrap()).AddColumn(new TableColumn("iterations").RightAligned()).AddColumn(new TableColumn("time").RightAligned()).AddColumn("trace");
        foreach (var result in results)
        {
            var colour = !result.AsExpected || result.Verdict == Verdict.Uncontrolled ? "yellow" : result.BugFound ? "red" : "green";
            var verdict = $"[{colour}]{result.Verdict}{(result.TimedOut ? " (timeout)" : string.Empty)}{(result.AsExpected ? string.Empty : " UNEXPECTED")}[/]";
            var cells = new List<string> { Markup.Escape(result.Name) };
            if (showExpected)
            {
                cells.Add(result.ExpectedBug is { } bug ? (bug ? "bug" : "no bug") : string.Empty);
            }

            cells.Add(verdict);
            cells.Add(result.IterationsShown.ToString(CultureInfo.InvariantCulture));
            cells.Add(string.Create(CultureInfo.InvariantCulture, $"{result.ElapsedMilliseconds / 1000:F1} s"));
            cells.Add(Markup.Escape(result.TraceShown));
            table.AddRow([.. cells]);
        }

        return table;
    }

    // A running test's bar, when it started and its name as markup.
    private sealed record Bar(ProgressTask Task, DateTime Started, string Name);
}
