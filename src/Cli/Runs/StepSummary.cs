using Interleave.Harness.Findings;
using Interleave.Harness.Tracing;

namespace Interleave.Cli.Runs;

/// <summary>A step a finding involves, as the run summary's JSON writes it.</summary>
/// <param name="Number">Its number in the schedule's account, from 1.</param>
/// <param name="Task">The task that took it.</param>
/// <param name="Action">What the task did: "write shared 'balance'".</param>
/// <param name="Outcome">How it ended: "done", "waits (held by Bob)".</param>
/// <param name="Source">Its source line as <c>File.cs:12</c>; empty when unknown.</param>
internal sealed record StepSummary(int Number, string Task, string Action, string Outcome, string Source)
{
    internal static StepSummary Of(FindingStep step) =>
        new(step.Number, step.Task.Name, StepDescriber.Action(step.Event), StepDescriber.Outcome(step.Event), step.Source);
}
