using Interleave.Cli.Runs;
using Interleave.Harness;

namespace Interleave.Cli.Commands;

/// <summary>The options of one <c>interleave test</c>, as parsed (not yet validated).</summary>
internal sealed record TestSettings
{
    public string? AssemblyPath { get; init; }

    public string? Method { get; init; }

    public int Iterations { get; init; } = TestCommand.DefaultIterations;

    public string Strategy { get; init; } = StrategyNames.Default;

    /// <summary>The scheduler's name, as <c>--engine</c> gives it.</summary>
    public string Engine { get; init; } = EngineNames.Default;

    public uint? Seed { get; init; }

    public int MaxSteps { get; init; } = new ExplorationOptions().MaxSteps;

    /// <summary>The exhaustive search's preemption bound, as <c>--preemption-bound</c> gives it; null for none.</summary>
    public int? PreemptionBound { get; init; }

    /// <summary>Whether the exhaustive search prunes with sleep sets, as <c>--sleep-sets</c> asks.</summary>
    public bool SleepSets { get; init; }

    /// <summary>How long to shrink each failing schedule, as <c>--minimize-seconds</c> gives it.</summary>
    public double MinimizeSeconds { get; init; } = TestCommand.DefaultMinimizeSeconds;

    /// <summary>Whether to report failing schedules as found, as <c>--no-minimize</c> asks.</summary>
    public bool NoMinimize { get; init; }

    public string OutDir { get; init; } = TestCommand.DefaultOutDir;

    public int? TimeoutSeconds { get; init; }

    public int Parallel { get; init; } = 1;

    public string? Shard { get; init; }

    public string? JsonPath { get; init; }

    public string Verbosity { get; init; } = "normal";

    public string Races { get; init; } = "fail";

    public bool Rewrite { get; init; }

    public bool ObserveFields { get; init; }
}
