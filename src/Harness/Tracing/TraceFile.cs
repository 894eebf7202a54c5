using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Coyote;

namespace Interleave.Harness.Tracing;

/// <summary>
/// Coyote's reproducible-trace JSON, stamped with the name of the test that produced it, and checked
/// before a replay: readable, same Coyote version, same test.
/// </summary>
internal static class TraceFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The version of Coyote this process runs, as Coyote writes it into traces.</summary>
    internal static string CoyoteVersion { get; } =
        typeof(Configuration).Assembly.GetName().Version?.ToString() ?? "unknown";

    // Not a Coyote field (Coyote ignores it): the account of the recorded schedule, line by line, so a
    // replay that no longer fails can say where it departed from it.
    private const string AccountField = "InterleaveAccount";

    // Also not Coyote's: what races and atomicity violations did when the trace was recorded. A lost update
    // recorded with checks off must replay to its assertion, not stop at the race on the way.
    private const string RacesField = "InterleaveRaces";

    /// <summary>
    /// Sets the trace's <c>TestName</c> (Coyote leaves it empty for delegates) and, when given, stores the
    /// readable account of the recorded schedule in it, and the race checking it was recorded with.
    /// </summary>
    internal static string Stamp(string trace, string testName, string? account = null, RaceChecking races = RaceChecking.Fail)
    {
        if (trace.Length == 0 || JsonNode.Parse(trace) is not JsonObject root)
        {
            return trace;
        }

        root["TestName"] = testName;
        if (account is not null)
        {
            root[AccountField] = new JsonArray([.. AccountDifference.Lines(account).Select(line => JsonValue.Create(line))]);
        }

        root[RacesField] = races.ToString();

        return root.ToJsonString(Indented);
    }

    /// <summary>The account stored in the trace by <see cref="Stamp"/>, or null (a trace written by Coyote itself).</summary>
    internal static string? RecordedAccount(string trace) =>
        JsonNode.Parse(trace)?[AccountField] is JsonArray lines
            ? string.Join('\n', lines.Select(line => line?.ToString())) + "\n"
            : null;

    /// <summary>The race checking the trace was recorded with; <see cref="RaceChecking.Fail"/> for older traces and Coyote's own.</summary>
    internal static RaceChecking RecordedRaces(string trace) =>
        Enum.TryParse<RaceChecking>(JsonNode.Parse(trace)?[RacesField]?.ToString(), out var races) ? races : RaceChecking.Fail;

    /// <summary>Throws a <see cref="TraceException"/> unless <paramref name="trace"/> can be replayed for <paramref name="testName"/>.</summary>
    internal static void Validate(string trace, string testName)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(trace) as JsonObject
                ?? throw new TraceException("The trace is not a Coyote trace: its top level is not a JSON object.");
        }
        catch (JsonException error)
        {
            throw new TraceException(
                string.Create(CultureInfo.InvariantCulture, $"The trace is unreadable or truncated: {error.Message}"), error);
        }

        if (root["Engine"]?.ToString() == Native.NativeTrace.EngineName)
        {
            if (root["Steps"] is not JsonArray || root["StepBound"] is null)
            {
                throw new TraceException("The trace is not a native engine's trace: it has no Steps or no StepBound.");
            }
        }
        else if (root["Steps"] is not JsonArray || root["CoyoteVersion"] is null)
        {
            throw new TraceException("The trace is not a Coyote trace: it has no Steps or no CoyoteVersion.");
        }

        var version = root["CoyoteVersion"]?.ToString() ?? CoyoteVersion;
        if (version != CoyoteVersion)
        {
            throw new TraceException($"The trace was recorded with Coyote {version}, but this is Coyote {CoyoteVersion}: record it again with this version.");
        }

        var recordedFor = root["TestName"]?.ToString() ?? string.Empty;
        if (recordedFor.Length > 0 && testName.Length > 0 && recordedFor != testName)
        {
            throw new TraceException($"The trace was recorded for test '{recordedFor}', not '{testName}'.");
        }
    }

    /// <summary>A readable name for a test delegate: "Namespace.Type.Method".</summary>
    internal static string NameOf(Delegate test)
    {
        MethodInfo method = test.Method;
        return method.DeclaringType is { } type ? $"{type.FullName}.{method.Name}" : method.Name;
    }
}
