using Interleave.Harness;

namespace Interleave.Tests.Property;

/// <summary>An engine and one of its strategies: what explores a generated program.</summary>
/// <param name="Engine">The engine that runs the schedules.</param>
/// <param name="Strategy">How it chooses them; one the engine has.</param>
public sealed record Scheduler(SchedulingEngine Engine, ExplorationStrategy Strategy)
{
    /// <summary>The strategy on the engine, e.g. "Prioritization on Native".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Strategy} on {Engine}";
}
