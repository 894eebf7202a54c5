using System.Globalization;
using System.Text;
using Interleave.Harness.Findings;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>
/// The readable account of one schedule: a numbered step per primitive operation (who did what to which
/// primitive, how it ended, at which source line, and that line's code when its file is here; a hang's loop
/// once, with how often it came round, and what each task was doing at the end), then, for a deadlock, who holds and who waits for what,
/// and last the verdict and the finding's message.
/// </summary>
internal static class ScheduleAccount
{
    /// <summary>The account of a schedule that <paramref name="finding"/> failed, or of one that ended without a failure (null).</summary>
    /// <param name="events">The schedule's primitive operations.</param>
    /// <param name="finding">What failed the schedule; null for none.</param>
    /// <param name="preemptions">Where the scheduler switched away from a task that could go on, each marked before the step it let run.</param>
    internal static string Render(IReadOnlyList<PrimitiveEvent> events, Finding? finding, IReadOnlyList<Preemption>? preemptions = null)
    {
        // A hang's schedule ends in a loop up to the step bound: its steps up to the loop, one turn of it, and how often it came round.
        var loop = LoopOf(events, finding);
        var shown = loop is { } tail ? tail.Start + tail.Period : events.Count;
        var code = new SourceCode();
        var rows = events.Take(shown).Select((e, index) => (
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
            // The steps left out are turns of the loop shown, so only the step numbers could be wider.
            var widths = (
                Step: events.Count.ToString(CultureInfo.InvariantCulture).Length,
                Task: rows.Max(r => r.Task.Length),
                Action: rows.Max(r => r.Action.Length),
                Outcome: rows.Max(r => r.Outcome.Length),
                Source: rows.Max(r => r.Source.Length));
            var marks = (preemptions ?? []).ToLookup(preemption => preemption.BeforeEvent);
            for (var index = 0; index < shown; index++)
            {
                foreach (var preemption in marks[index])
                {
                    text.Append(new string(' ', widths.Step)).Append("  ").Append(Mark(preemption, events[index])).AppendLine();
                }

                var row = rows[index];
                text.Append($"{row.Step.PadLeft(widths.Step)}  {row.Task.PadRight(widths.Task)}  {row.Action.PadRight(widths.Action)}  {row.Outcome.PadRight(widths.Outcome)}  {row.Source.PadRight(widths.Source)}  {row.Code}".TrimEnd()).AppendLine();
            }

            if (loop is { } repeating)
            {
                AppendLoop(text, events, repeating, widths.Step);
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

    private static string Mark(Preemption preemption, in PrimitiveEvent next) => "-- preemption: " + Describe(preemption, next);

    /// <summary>What a preemption let happen, told by the step it comes before (the account's mark and the HTML report's say the same).</summary>
    /// <remarks>The step after a preemption is the chosen task's, unless it ran to its next point without recording one.</remarks>
    internal static string Describe(Preemption preemption, in PrimitiveEvent next) =>
        next.Task == preemption.Task
            ? $"{preemption.Task.Name} could go on, and waits here while another task takes a step"
            : $"{next.Task.Name} runs here, though {preemption.Task.Name} could go on";

    /// <summary>The loop a hang's schedule ends in (the same for the account and the report); null for another finding, or none.</summary>
    internal static RepeatingTail? LoopOf(IReadOnlyList<PrimitiveEvent> events, Finding? finding) =>
        finding is HangFinding
            ? RepeatingTail.Of([.. events.Select(e => $"{e.Task.Name}|{StepDescriber.Action(e)}|{StepDescriber.Outcome(e)}|{StepDescriber.Source(e)}")])
            : null;

    private static void AppendLoop(StringBuilder text, IReadOnlyList<PrimitiveEvent> events, RepeatingTail loop, int stepWidth)
    {
        var first = loop.Start + 1;
        var turns = loop.Steps(events.Count) / loop.Period;
        var more = loop.Steps(events.Count) % loop.Period;
        var also = more == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" and {more} step{(more == 1 ? string.Empty : "s")} of one more");
        text.Append(CultureInfo.InvariantCulture, $"{new string(' ', stepWidth)}  ... steps {first}-{first + loop.Period - 1} repeated to step {events.Count}: {turns:N0} turns of the loop{also}.").AppendLine();
        text.AppendLine().AppendLine("At the end:");
        foreach (var task in events.Select(e => e.Task).Distinct())
        {
            var last = events.Select((e, index) => (Event: e, Step: index + 1)).Last(step => step.Event.Task == task);
            var step = $"{StepDescriber.Action(last.Event)} -> {StepDescriber.Outcome(last.Event)}";
            var doing = last.Event switch
            {
                { Operation: PrimitiveOperation.Finish } => "finished",
                _ when last.Step > loop.Start => $"in the loop; its last step, {last.Step}: {step}",
                { Outcome: OperationOutcome.Blocked } => $"waits in {StepDescriber.Action(last.Event)} since step {last.Step}{StepDescriber.At(last.Event)}",
                _ => $"last seen at step {last.Step}: {step}{StepDescriber.At(last.Event)}",
            };
            text.Append(CultureInfo.InvariantCulture, $"  {task.Name}: {doing}.").AppendLine();
        }
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
