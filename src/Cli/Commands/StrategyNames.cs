using Interleave.Harness;

namespace Interleave.Cli.Commands;

/// <summary>Strategy names as Coyote's command line spells them.</summary>
internal static class StrategyNames
{
    private static readonly (string Name, ExplorationStrategy Strategy)[] All =
    [
        ("random", ExplorationStrategy.Random),
        ("prioritization", ExplorationStrategy.Prioritization),
        ("probabilistic", ExplorationStrategy.Probabilistic),
        ("delay-bounding", ExplorationStrategy.DelayBounding),
        ("q-learning", ExplorationStrategy.QLearning),
        ("portfolio", ExplorationStrategy.Portfolio),
        ("pos", ExplorationStrategy.PartialOrderSampling),
        ("surw", ExplorationStrategy.SelectivelyUniformWalk),
        ("exhaustive", ExplorationStrategy.Exhaustive),
    ];

    /// <summary>The name of the strategy a run takes when none is named: the library's default.</summary>
    internal static string Default { get; } = NameOf(new ExplorationOptions().Strategy);

    /// <summary>The valid names, comma separated, for help and errors.</summary>
    internal static string Valid { get; } = string.Join(", ", All.Select(s => s.Name));

    internal static ExplorationStrategy Parse(string name)
    {
        foreach (var (known, strategy) in All)
        {
            if (string.Equals(known, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return strategy;
            }
        }

        throw new UsageException($"Unknown strategy '{name}': use one of {Valid}.");
    }

    internal static string NameOf(ExplorationStrategy strategy) => All.First(s => s.Strategy == strategy).Name;
}
