using System.Globalization;
using System.Text;
using Interleave.Harness.Findings;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>
/// The readable account of one schedule: a numbered step per primitive operation (who did what to which
/// primitive, how it ended, at which source line, and that line's code when its file is here), then, for a deadlock, who holds and who waits for what,
/// and last the verdict and the finding's message.
/// </summary>
internal static class ScheduleAccount
{
    /// <summary>The account of a schedule that <paramref name="finding"/> failed, or of one that ended without a failure (null).</summary>
    internal static string Render(IReadOnlyList<PrimitiveEvent> events, Finding? finding)
    {
        var code = new SourceCode();
        var rows = events.Select((e, index) => (
            Step: (index + 1).ToString(CultureInfo.InvariantCulture),
            Task: e.Task.Name,
            Action: StepDescriber.Action(e),
            Outcome: "-> " + StepDescriber.Outcome(e),
            Source: StepDescriber.Source(e),
            Code: code.LineOf(e))).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Schedule ({events.Count} primitive operations):").AppendLine();
        if (rows.Count > 0)
        {
            var widths = (
                Step: rows.Max(r => r.Step.Length),
                Task: rows.Max(r => r.Task.Length),
                Action: rows.Max(r => r.Action.Length),
                Outcome: rows.Max(r => r.Outcome.Length),
                Source: rows.Max(r => r.Source.Length));
            foreach (var row in rows)
            {
                var line = $"{row.Step.PadLeft(widths.Step)}  {row.Task.PadRight(widths.Task)}  {row.Action.PadRight(widths.Action)}  {row.Outcome.PadRight(widths.Outcome)}  {row.Source.PadRight(widths.Source)}  {row.Code}";
                text.Append(line.TrimEnd()).AppendLine();
            }
        }

        if (finding is DeadlockFinding deadlock)
        {
            text.AppendLine().AppendLine("Deadlock:");
            foreach (var line in Explain(deadlock))
            {
                text.Append("  ").Append(line).AppendLine();
            }
        }

        var ending = finding is null ? $"{Verdict.NoBug}: the schedule ended without a failure" : $"{finding.Verdict}: {finding.Message}";
        text.AppendLine().Append(ending).AppendLine();
        return text.ToString();
    }

    /// <summary>Every task still waiting, then the cycle among them if there is one.</summary>
    private static IEnumerable<string> Explain(DeadlockFinding deadlock)
    {
        foreach (var waiting in deadlock.WaitingTasks)
        {
            var holds = waiting.Holds.Count == 0
                ? string.Empty
                : "holds " + string.Join(", ", waiting.Holds.Select(h => $"{h.Primitive}{At(h.Site)}")) + " and ";
            var heldBy = waiting.HeldBy.Count > 0
                ? $", held by {string.Join(" and ", waiting.HeldBy.Select(h => h.Name))}"
                : $"; no running task is left to {waiting.WakeVerb} it";
            yield return $"{waiting.Task.Name} {holds}waits for {waiting.Primitive}{At(waiting.Wait.Source)}{heldBy}.";
        }

        if (deadlock.Cycle.Count > 0)
        {
            yield return $"Cycle: {string.Join(" -> ", deadlock.Cycle.Select(t => t.Name))}: each waits for the next, so none can go on.";
        }
    }

    private static string At(string site) => site.Length > 0 ? $" (at {site})" : string.Empty;
}
