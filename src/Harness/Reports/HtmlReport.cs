using System.Globalization;
using System.Net;
using System.Text;
using Interleave.Harness.Findings;
using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Reports;

/// <summary>
/// The report of one bug as a single self-contained HTML page: the verdict and message, a timeline with one
/// lane per task (each primitive operation a mark at its step, each wait a bar until the task resumed, the
/// failing step highlighted, and for a race the access it races with), for a deadlock who waits for whom, and
/// the readable account.
/// </summary>
/// <remarks>
/// The page needs no network and no script for what it shows; its script only fills the details panel on a
/// click. The same report always renders to the same bytes, so a replay gives an identical page. The markup
/// is a contract the tests and users' tools rely on: a lane is <c>div.lane[data-task]</c>, a step
/// <c>.step[data-step]</c> (the failing one <c>class="step failing"</c>, the other accesses of a data race or an
/// atomicity violation <c>class="step racing"</c>), a wait <c>.wait</c>, a preemption
/// <c>.preemption[data-step][data-task]</c> before the step it let run (and its sentence in <c>ul.preemptions</c>),
/// the deadlock section <c>.deadlock</c> and its cycle <c>.cycle</c>.
/// </remarks>
internal static partial class HtmlReport
{
    private const int StepWidth = 36;
    private const int LaneNameWidth = 150;

    /// <summary>Renders the page of <paramref name="report"/>, a report whose exploration found a bug.</summary>
    /// <param name="report">What the exploration found, with the events of its failing schedule.</param>
    /// <param name="testName">The test's name, shown as the page's heading.</param>
    internal static string Render(ExplorationReport report, string testName)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(testName);
        var events = report.Events;
        var lanes = LanesOf(events);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(report.Verdict.ToString())}: {E(testName)} - Interleave</title>
            <style>{Style}</style>
            </head>
            <body>
            <header class="summary">
            <p class="product">Interleave bug report</p>
            <h1>{E(testName)}</h1>
            <p><span class="verdict" data-verdict="{E(report.Verdict.ToString())}">{E(report.Verdict.ToString())}</span></p>
            <pre class="message">{E(report.Message)}</pre>
            <p class="facts">{events.Count} primitive operations by {lanes.Count} tasks{PreemptionFact(report.Preemptions)}{FailingFact(events)}.</p>
            </header>

            """);
        // The other accesses of a race or an atomicity violation: the finding's steps before the failing one.
        var related = report.Finding is DataRaceFinding or AtomicityViolationFinding
            ? [.. report.Finding.Steps.Select(s => s.Number - 1).Where(index => index != events.Count - 1)]
            : Array.Empty<int>();

        // A hang's timeline stops after one turn of its loop, as its account does, so that the page stays small.
        if (ScheduleAccount.LoopOf(events, report.Finding) is { } loop)
        {
            AppendTimeline(html, [.. events.Take(loop.Start + loop.Period)], lanes, related, report.Preemptions);
            html.Append(CultureInfo.InvariantCulture, $"""<p class="loop">Steps {loop.Start + 1}-{loop.Start + loop.Period} repeat to step {events.Count}: the timeline shows one turn of the loop.</p>""").Append('\n');
        }
        else
        {
            AppendTimeline(html, events, lanes, related, report.Preemptions);
        }
        if (report.Finding is DeadlockFinding deadlock)
        {
            AppendDeadlock(html, deadlock);
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <section class="account-section">
            <h2>Account</h2>
            <pre class="account">{E(report.Account)}</pre>
            </section>
            <script>{Script}</script>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static string PreemptionFact(IReadOnlyList<Preemption> preemptions) => preemptions.Count switch
    {
        0 => string.Empty,
        1 => ", 1 preemption",
        var count => string.Create(CultureInfo.InvariantCulture, $", {count} preemptions"),
    };

    private static string FailingFact(IReadOnlyList<PrimitiveEvent> events) =>
        events.Count > 0 ? $"; the schedule failed at step {events.Count}" : string.Empty;

    /// <summary>The tasks in order of first appearance, as actor or as the task a spawn started; the test's main task first.</summary>
    private static List<TaskIdentity> LanesOf(IReadOnlyList<PrimitiveEvent> events)
    {
        var order = new List<TaskIdentity>();
        void Add(TaskIdentity task)
        {
            if (task.Id >= 0 && !order.Contains(task))
            {
                order.Add(task);
            }
        }

        foreach (var e in events)
        {
            Add(e.Task);
            if (e.Operation == PrimitiveOperation.Spawn)
            {
                Add(e.Counterpart);
            }
        }

        return [.. order.OrderBy(task => task.Id == TaskIdentity.Root.Id ? 0 : 1)];
    }

    private static void AppendTimeline(StringBuilder html, IReadOnlyList<PrimitiveEvent> events, IReadOnlyList<TaskIdentity> lanes, IReadOnlyList<int> related, IReadOnlyList<Preemption> preemptions)
    {
        var trackWidth = (events.Count + 1) * StepWidth; // one step more, where waits that never end go on
        var shownPreemptions = preemptions.Where(p => p.BeforeEvent < events.Count).ToList();
        var code = new SourceCode();
        html.Append("""
            <section class="timeline-section">
            <h2>Timeline</h2>

            """);
        AppendLegend(html, related.Count > 0, shownPreemptions.Count > 0);
        html.Append(CultureInfo.InvariantCulture, $"""
            <p class="hint">Hover a step for its source line<span class="click-hint">, click it for the details</span>.</p>
            <div class="timeline-body">
            <div class="scroller">
            <div class="timeline" style="width:{trackWidth + LaneNameWidth}px">
            <div class="axis"><div class="lane-name">step</div><div class="track" style="width:{trackWidth}px">
            """);
        for (var step = 1; step <= events.Count; step++)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<span class="tick" style="left:{Left(step)}px">{step}</span>""");
        }

        html.Append("</div></div>\n");
        if (events.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="failing-column" style="left:{LaneNameWidth + Left(events.Count)}px" title="the failing step"></div>""").Append('\n');
        }

        foreach (var preemption in shownPreemptions)
        {
            var step = preemption.BeforeEvent + 1;
            var title = $"preemption before step {step}: {ScheduleAccount.Describe(preemption, events[preemption.BeforeEvent])}";
            html.Append(CultureInfo.InvariantCulture, $"""<div class="preemption" data-step="{step}" data-task="{E(preemption.Task.Name)}" style="left:{LaneNameWidth + Left(step)}px" title="{E(title)}"><span class="preemption-label">&#x21B7;</span></div>""").Append('\n');
        }

        foreach (var task in lanes)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="lane" data-task="{E(task.Name)}" data-task-id="{task.Id}"><div class="lane-name" title="{E(task.Name)}">{E(task.Name)}</div><div class="track" style="width:{trackWidth}px">""");
            AppendWaits(html, events, task, trackWidth);
            for (var index = 0; index < events.Count; index++)
            {
                if (events[index].Task == task)
                {
                    AppendStep(html, events[index], code, index + 1, index == events.Count - 1 ? " failing" : related.Contains(index) ? " racing" : string.Empty);
                }
            }

            html.Append("</div></div>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </div>
            </div>
            {Details(events, code)}
            </div>
            {PreemptionList(events, shownPreemptions)}
            </section>

            """);
    }

    /// <summary>Each preemption as a sentence, in the order of the steps: the switches a person reads the bug from.</summary>
    private static string PreemptionList(IReadOnlyList<PrimitiveEvent> events, IReadOnlyList<Preemption> preemptions)
    {
        if (preemptions.Count == 0)
        {
            return string.Empty;
        }

        var items = preemptions.Select(p => string.Create(
            CultureInfo.InvariantCulture,
            $"""<li data-step="{p.BeforeEvent + 1}">Before step {p.BeforeEvent + 1}: {E(ScheduleAccount.Describe(p, events[p.BeforeEvent]))}.</li>"""));
        return $"""<ul class="preemptions">{string.Concat(items)}</ul>""";
    }

    // mark: " failing" for the step that failed, " racing" for the other accesses of its race, or nothing.
    private static void AppendStep(StringBuilder html, in PrimitiveEvent e, SourceCode code, int step, string mark)
    {
        var action = StepDescriber.Action(e);
        var outcome = StepDescriber.Outcome(e);
        var source = StepDescriber.Source(e);
        var line = code.LineOf(e);
        var title = $"step {step}: {e.Task.Name} {action} -> {outcome}" + (source.Length > 0 ? $" at {source}" : string.Empty) + (line.Length > 0 ? $": {line}" : string.Empty);
        html.Append(CultureInfo.InvariantCulture, $"""<button type="button" class="step{mark}" data-step="{step}" data-outcome="{OutcomeClass(e.Outcome)}" data-task="{E(e.Task.Name)}" data-action="{E(action)}" data-result="{E(outcome)}" data-source="{E(source)}" data-code="{E(line)}" data-file="{E(e.CallerFile)}" style="left:{Left(step)}px" title="{E(title)}">{Glyph(e.Operation)}</button>""");
    }

    /// <summary>Each wait of <paramref name="task"/>: from its blocked step to its next step on the same primitive, or to the end.</summary>
    private static void AppendWaits(StringBuilder html, IReadOnlyList<PrimitiveEvent> events, TaskIdentity task, int trackWidth)
    {
        for (var from = 0; from < events.Count; from++)
        {
            var wait = events[from];
            if (wait.Task != task || wait.Outcome != OperationOutcome.Blocked)
            {
                continue;
            }

            var to = from + 1;
            while (to < events.Count && !(events[to].Task == task && events[to].PrimitiveKind == wait.PrimitiveKind && events[to].PrimitiveName == wait.PrimitiveName))
            {
                to++;
            }

            var resumed = to < events.Count;
            var what = StepDescriber.Action(wait);
            var title = resumed
                ? $"{task.Name} waits in {what} from step {from + 1} to step {to + 1}"
                : $"{task.Name} waits in {what} from step {from + 1} and never resumes";
            var left = Left(from + 1) + StepWidth / 2;
            var width = resumed ? (to - from) * StepWidth : trackWidth - left;
            html.Append(CultureInfo.InvariantCulture, $"""<span class="wait" data-from="{from + 1}" data-to="{(resumed ? (to + 1).ToString(CultureInfo.InvariantCulture) : "end")}" style="left:{left}px;width:{width}px" title="{E(title)}"></span>""");
        }
    }

    /// <summary>The details panel, showing the failing step until a click shows another.</summary>
    private static string Details(IReadOnlyList<PrimitiveEvent> events, SourceCode code)
    {
        if (events.Count == 0)
        {
            return """<aside id="details" class="details"><p>The schedule has no primitive operations.</p></aside>""";
        }

        var last = events[^1];
        var source = StepDescriber.Source(last);
        return string.Create(CultureInfo.InvariantCulture, $"""
            <aside id="details" class="details" aria-live="polite">
            <h3>Step <span data-field="step">{events.Count}</span></h3>
            <dl>
            <dt>task</dt><dd data-field="task">{E(last.Task.Name)}</dd>
            <dt>operation</dt><dd data-field="action">{E(StepDescriber.Action(last))}</dd>
            <dt>outcome</dt><dd data-field="result">{E(StepDescriber.Outcome(last))}</dd>
            <dt>source</dt><dd data-field="source">{E(source.Length > 0 ? source : "-")}</dd>
            <dt>code</dt><dd><code data-field="code">{E(code.LineOf(last) is { Length: > 0 } line ? line : "-")}</code></dd>
            <dt>file</dt><dd data-field="file">{E(last.CallerFile.Length > 0 ? last.CallerFile : "-")}</dd>
            </dl>
            </aside>
            """);
    }

    private static void AppendLegend(StringBuilder html, bool racing, bool preempted)
    {
        html.Append("""<ul class="legend">""");
        foreach (var outcome in Enum.GetValues<OperationOutcome>())
        {
            html.Append(CultureInfo.InvariantCulture, $"""<li><span class="swatch step-swatch" data-outcome="{OutcomeClass(outcome)}"></span>{OutcomeClass(outcome)}</li>""");
        }

        html.Append("""<li><span class="swatch wait-swatch"></span>waiting</li><li><span class="swatch open-swatch"></span>waits forever</li><li><span class="swatch failing-swatch"></span>failing step</li>""")
            .Append(racing ? """<li><span class="swatch racing-swatch"></span>the access it races with</li>""" : string.Empty)
            .Append(preempted ? """<li><span class="swatch preemption-swatch"></span>preemption: another task runs, though this one could go on</li>""" : string.Empty)
            .Append("</ul>\n");
    }

    private static int Left(int step) => (step - 1) * StepWidth;

    private static string OutcomeClass(OperationOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>The few letters a step's mark shows; the title and the details say the rest.</summary>
    private static string Glyph(PrimitiveOperation operation) => operation switch
    {
        PrimitiveOperation.Acquire => "acq",
        PrimitiveOperation.Release => "rel",
        PrimitiveOperation.Set => "set",
        PrimitiveOperation.Clear => "clr",
        PrimitiveOperation.Wait => "wait",
        PrimitiveOperation.Notify => "ntf",
        PrimitiveOperation.Reset => "rst",
        PrimitiveOperation.Abort => "abt",
        PrimitiveOperation.Put => "put",
        PrimitiveOperation.Get => "get",
        PrimitiveOperation.TaskDone => "done",
        PrimitiveOperation.Join => "join",
        PrimitiveOperation.Shutdown => "shut",
        PrimitiveOperation.Spawn => "run",
        PrimitiveOperation.Finish => "end",
        PrimitiveOperation.Yield => "yld",
        PrimitiveOperation.Delay => "zzz",
        PrimitiveOperation.Read => "rd",
        PrimitiveOperation.Write => "wr",
        PrimitiveOperation.Lookup => "look",
        PrimitiveOperation.Update => "upd",
        _ => "?",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
