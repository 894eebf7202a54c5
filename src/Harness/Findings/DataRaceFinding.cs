using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Findings;

/// <summary>
/// Two tasks accessed a <c>Shared&lt;T&gt;</c> cell, at least one writing, with nothing ordering the first
/// access before the second (<see cref="Verdict.DataRace"/>).
/// </summary>
public sealed record DataRaceFinding : Finding
{
    internal DataRaceFinding(string cell, FindingStep earlier, FindingStep later, PrimitiveEvent? earlierSynchronization, PrimitiveEvent? laterSynchronization, string message)
        : base(message)
    {
        Cell = cell;
        Earlier = earlier;
        Later = later;
        EarlierSynchronization = earlierSynchronization;
        LaterSynchronization = laterSynchronization;
    }

    /// <inheritdoc/>
    public override Verdict Verdict => Verdict.DataRace;

    /// <summary>The cell, as accounts name it: <c>shared 'balance'</c>.</summary>
    public string Cell { get; }

    /// <summary>The earlier access, by another task, that the later one races with.</summary>
    public FindingStep Earlier { get; }

    /// <summary>The access that completed the race: the failing step.</summary>
    public FindingStep Later { get; }

    /// <summary>The earlier task's last synchronization before its access; null when it had none since it started.</summary>
    public PrimitiveEvent? EarlierSynchronization { get; }

    /// <summary>The later task's last synchronization before its access; null when it had none since it started.</summary>
    public PrimitiveEvent? LaterSynchronization { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Primitives => [Cell];

    /// <inheritdoc/>
    public override IReadOnlyList<FindingStep> Steps => [Earlier, Later];
}
