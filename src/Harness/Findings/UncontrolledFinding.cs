namespace Interleave.Harness.Findings;

/// <summary>
/// A schedule stalled on work the scheduler cannot see (<see cref="Verdict.Uncontrolled"/>): not a bug found
/// but an error in the test's use of the harness, which cannot tell whether the program is correct.
/// </summary>
public sealed record UncontrolledFinding : CoyoteFinding
{
    internal UncontrolledFinding(string coyoteMessage, string message, ControlEscape escape, IReadOnlyList<StrandedTask> strandedTasks)
        : base(coyoteMessage, message)
    {
        Escape = escape;
        StrandedTasks = strandedTasks;
    }

    /// <inheritdoc/>
    public override Verdict Verdict => Verdict.Uncontrolled;

    /// <summary>How the test escaped the scheduler's control.</summary>
    public ControlEscape Escape { get; }

    /// <summary>
    /// The controlled tasks that had not finished and waited neither on a primitive nor on a task they started:
    /// those awaiting what escaped, in order of task id. Empty when none is known (the escape blocked a thread).
    /// </summary>
    public IReadOnlyList<StrandedTask> StrandedTasks { get; }

    /// <summary>The last step of each stranded task, in schedule order: where each was last seen before it escaped.</summary>
    public override IReadOnlyList<FindingStep> Steps => [.. StrandedTasks.Select(t => t.LastStep).OfType<FindingStep>().OrderBy(s => s.Number)];
}
