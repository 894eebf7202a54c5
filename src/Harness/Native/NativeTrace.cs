using System.Text.Json.Nodes;

namespace Interleave.Harness.Native;

/// <summary>
/// A native engine's schedule as a trace: the operation chosen at each step, with the step bound it ran
/// under. The same JSON object as a Coyote trace carries the harness's fields (test name, account, races).
/// </summary>
internal static class NativeTrace
{
    /// <summary>The value of the trace's <c>Engine</c> field.</summary>
    internal const string EngineName = "Native";

    /// <summary>The trace of a schedule.</summary>
    internal static string Write(string strategy, uint seed, int stepBound, IReadOnlyList<int> choices) =>
        new JsonObject
        {
            ["Engine"] = EngineName,
            ["Strategy"] = strategy,
            ["Seed"] = seed,
            ["StepBound"] = stepBound,
            ["Steps"] = new JsonArray([.. choices.Select(choice => JsonValue.Create(choice))]),
        }.ToJsonString();

    /// <summary>True when <paramref name="trace"/> was recorded by the native engine.</summary>
    internal static bool IsNative(string trace) =>
        JsonNode.Parse(trace) is JsonObject root && root["Engine"]?.ToString() == EngineName;

    /// <summary>The operations chosen, step by step.</summary>
    internal static IReadOnlyList<int> Choices(string trace) =>
        [.. JsonNode.Parse(trace)!["Steps"]!.AsArray().Select(step => step!.GetValue<int>())];

    /// <summary>The step bound the schedule ran under.</summary>
    internal static int StepBound(string trace) => JsonNode.Parse(trace)!["StepBound"]!.GetValue<int>();
}
