namespace Interleave.Harness;

/// <summary>How to explore a test: an immutable record, changed with <c>with</c> expressions.</summary>
public sealed record ExplorationOptions
{
    /// <summary>How many schedules to run, unless a bug stops the run first.</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>The scheduling strategy.</summary>
    public ExplorationStrategy Strategy { get; init; } = ExplorationStrategy.Random;

    /// <summary>The random seed; null for a fresh one each run.</summary>
    public uint? Seed { get; init; }

    /// <summary>Scheduling steps one schedule may take before it counts as a hang.</summary>
    public int MaxSteps { get; init; } = 10_000;

    /// <summary>Priority changes per schedule (prioritization) or delays per schedule (delay bounding).</summary>
    public int StrategyBound { get; init; } = 10;

    /// <summary>A trace to replay (the text of a <c>.trace</c> file) instead of exploring.</summary>
    public string? ReplayTrace { get; init; }
}
