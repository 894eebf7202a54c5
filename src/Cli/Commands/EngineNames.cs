using Interleave.Harness;

namespace Interleave.Cli.Commands;

/// <summary>The command line's names of the scheduling engines (<c>--engine coyote|native</c>).</summary>
internal static class EngineNames
{
    internal const string Default = "coyote";

    internal const string Valid = "coyote, native";

    /// <summary>The command line's name of <paramref name="engine"/>.</summary>
    internal static string NameOf(SchedulingEngine engine) => engine == SchedulingEngine.Native ? "native" : "coyote";

    /// <summary>The engine named <paramref name="name"/>, in any case.</summary>
    /// <exception cref="UsageException">No engine has that name.</exception>
    internal static SchedulingEngine Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "coyote" => SchedulingEngine.Coyote,
        "native" => SchedulingEngine.Native,
        _ => throw new UsageException($"Unknown engine '{name}': use one of {Valid}."),
    };
}
