using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Findings;

/// <summary>
/// Two tasks accessed a <c>Shared&lt;T&gt;</c> cell, at least one writing, with nothing ordering the first
/// access before the second (<see cref="Verdict.DataRace"/>).
/// </summary>
/// <param name="Cell">The cell, as accounts name it: <c>shared 'balance'</c>.</param>
/// <param name="Earlier">The earlier access, by another task, that the later one races with.</param>
/// <param name="Later">The access that completed the race: the failing step.</param>
/// <param name="EarlierSynchronization">The earlier task's last synchronization before its access; null when it had none since it started.</param>
/// <param name="LaterSynchronization">The later task's last synchronization before its access; null when it had none since it started.</param>
/// <param name="Message">The race in words.</param>
public sealed record DataRaceFinding(
    string Cell,
    FindingStep Earlier,
    FindingStep Later,
    PrimitiveEvent? EarlierSynchronization,
    PrimitiveEvent? LaterSynchronization,
    string Message) : Finding(Message)
{
    /// <inheritdoc/>
    public override Verdict Verdict => Verdict.DataRace;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Primitives => [Cell];

    /// <inheritdoc/>
    public override IReadOnlyList<FindingStep> Steps => [Earlier, Later];
}
