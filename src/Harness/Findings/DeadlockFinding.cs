using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Findings;

/// <summary>
/// Every unfinished task of a schedule waits on another among controlled operations (<see cref="Verdict.Deadlock"/>):
/// who waits for what, who holds it, and the wait-for cycle among them if there is one.
/// </summary>
public sealed record DeadlockFinding : CoyoteFinding
{
    internal DeadlockFinding(string coyoteMessage, string message, IReadOnlyList<WaitingTask> waitingTasks, IReadOnlyList<TaskIdentity> cycle)
        : base(coyoteMessage, message)
    {
        WaitingTasks = waitingTasks;
        Cycle = cycle;
    }

    /// <inheritdoc/>
    public override Verdict Verdict => Verdict.Deadlock;

    /// <summary>Every task left waiting on a primitive, in order of task id; empty in code rewritten by <c>coyote rewrite</c> that waits on none.</summary>
    public IReadOnlyList<WaitingTask> WaitingTasks { get; }

    /// <summary>
    /// The first cycle of waiting tasks, each waiting for what the next holds, from the task with the lowest id
    /// back to it ("task1, task2, task1"); empty when there is none.
    /// </summary>
    public IReadOnlyList<TaskIdentity> Cycle { get; }

    /// <summary>The primitives the tasks wait for, in order of the waiting tasks.</summary>
    public override IReadOnlyList<string> Primitives => [.. WaitingTasks.Select(w => w.Primitive).Distinct()];

    /// <summary>The steps at which the tasks started waiting, in schedule order.</summary>
    public override IReadOnlyList<FindingStep> Steps => [.. WaitingTasks.Select(w => w.Wait).OrderBy(s => s.Number)];
}
