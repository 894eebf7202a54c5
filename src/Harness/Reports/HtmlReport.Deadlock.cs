using System.Globalization;
using System.Text;
using Interleave.Harness.Findings;

namespace Interleave.Harness.Reports;

/// <summary>The deadlock section: every task left waiting, and the wait-for cycle among them drawn as a chain.</summary>
internal static partial class HtmlReport
{
    private static void AppendDeadlock(StringBuilder html, DeadlockFinding deadlock)
    {
        var waiting = deadlock.WaitingTasks;
        html.Append("""
            <section class="deadlock">
            <h2>Deadlock: who waits for whom</h2>
            <ul class="wait-for">

            """);
        foreach (var task in waiting)
        {
            var holds = task.Holds.Count == 0
                ? string.Empty
                : $"""<span class="holds">holds {E(string.Join(", ", task.Holds.Select(h => h.Primitive + At(h.Site))))}</span> """;
            var blockers = task.HeldBy.Count > 0
                ? $"""<span class="edge">held by</span> {string.Join(" ", task.HeldBy.Select(h => TaskNode(h.Name)))}"""
                : $"""<span class="nobody">no running task is left to {E(task.WakeVerb)} it</span>""";
            html.Append(CultureInfo.InvariantCulture, $"""<li data-task="{E(task.Task.Name)}">{TaskNode(task.Task.Name)} {holds}<span class="edge">waits for</span> {PrimitiveNode(task)} {blockers}</li>""").Append('\n');
        }

        html.Append("</ul>\n");
        if (deadlock.Cycle is { Count: > 0 } cycle)
        {
            html.Append("""<div class="cycle" role="img" aria-label="wait-for cycle">""");
            for (var i = 0; i < cycle.Count - 1; i++)
            {
                var link = waiting.Single(w => w.Task == cycle[i]);
                html.Append(TaskNode(cycle[i].Name)).Append("""<span class="edge">waits for</span>""")
                    .Append(PrimitiveNode(link)).Append("""<span class="edge">held by</span>""");
            }

            html.Append(TaskNode(cycle[^1].Name)).Append("</div>\n")
                .Append("""<p class="cycle-note">Each task waits for what the next one holds, and the last is the first again: none can go on.</p>""").Append('\n');
        }

        html.Append("</section>\n");
    }

    private static string TaskNode(string name) => $"""<span class="node task" data-task="{E(name)}">{E(name)}</span>""";

    private static string PrimitiveNode(WaitingTask task)
    {
        var source = task.Wait.Source;
        var site = source.Length > 0 ? $"""<span class="site">{E(source)}</span>""" : string.Empty;
        return $"""<span class="node primitive">{E(task.Primitive)}{site}</span>""";
    }

    private static string At(string site) => site.Length > 0 ? $" (at {site})" : string.Empty;
}
