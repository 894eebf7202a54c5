using System.Globalization;
using System.Text;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>
/// The readable account of one schedule: a numbered step per primitive operation (who did what to which
/// primitive, how it ended, at which source line), then, for a deadlock, who holds and who waits for what.
/// </summary>
internal static class ScheduleAccount
{
    internal static string Render(IReadOnlyList<PrimitiveEvent> events, Verdict verdict, string message)
    {
        var rows = events.Select((e, index) => (
            Step: (index + 1).ToString(CultureInfo.InvariantCulture),
            Task: e.Task.Name,
            Action: StepDescriber.Action(e),
            Outcome: "-> " + StepDescriber.Outcome(e),
            Source: StepDescriber.Source(e))).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Schedule ({events.Count} primitive operations):").AppendLine();
        if (rows.Count > 0)
        {
            var widths = (
                Step: rows.Max(r => r.Step.Length),
                Task: rows.Max(r => r.Task.Length),
                Action: rows.Max(r => r.Action.Length),
                Outcome: rows.Max(r => r.Outcome.Length));
            foreach (var row in rows)
            {
                var line = $"{row.Step.PadLeft(widths.Step)}  {row.Task.PadRight(widths.Task)}  {row.Action.PadRight(widths.Action)}  {row.Outcome.PadRight(widths.Outcome)}  {row.Source}";
                text.Append(line.TrimEnd()).AppendLine();
            }
        }

        if (verdict == Verdict.Deadlock)
        {
            text.AppendLine().AppendLine("Deadlock:");
            foreach (var line in WaitForGraph.Build(events).Explain())
            {
                text.Append("  ").Append(line).AppendLine();
            }
        }

        text.AppendLine().Append(CultureInfo.InvariantCulture, $"{verdict}: {message}").AppendLine();
        return text.ToString();
    }
}
