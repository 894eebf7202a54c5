using System.Globalization;
using System.Text.Json;
using Interleave.Cli.Runs;

namespace Interleave.Cli.Engines;

/// <summary>
/// What an engine process (<c>interleave engine</c>) and its parent say to each other, a line at a time: the
/// parent writes an <see cref="EngineJob"/> as JSON; the process answers with progress lines and then one
/// result line, and waits for the next job until its input ends.
/// </summary>
internal static class EngineProtocol
{
    // The prefixes are long enough that no line a test prints for itself starts with one.

    /// <summary>Starts a line of schedules started so far: <c>#interleave-progress 120</c>.</summary>
    internal const string ProgressPrefix = "#interleave-progress ";

    /// <summary>Starts the line that ends a job: <c>#interleave-result</c> and its <see cref="TestResult"/> as JSON.</summary>
    internal const string ResultPrefix = "#interleave-result ";

    internal static string JobLine(EngineJob job) => JsonSerializer.Serialize(job, EngineProtocolJsonContext.Default.EngineJob);

    /// <summary>Reads a job line.</summary>
    /// <exception cref="UsageException">The line is not a job.</exception>
    internal static EngineJob ParseJob(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, EngineProtocolJsonContext.Default.EngineJob)
                ?? throw new UsageException($"An engine process takes one job of JSON a line, not '{line}'.");
        }
        catch (JsonException failure)
        {
            throw new UsageException($"An engine process takes one job of JSON a line, not '{line}': {failure.Message}", failure);
        }
    }

    internal static string ProgressLine(int schedules) => ProgressPrefix + schedules.ToString(CultureInfo.InvariantCulture);

    internal static string ResultLine(TestResult result) => ResultPrefix + JsonSerializer.Serialize(result, EngineProtocolJsonContext.Default.TestResult);

    /// <summary>Reads a progress line's count, or null when <paramref name="line"/> is not one.</summary>
    internal static int? ParseProgress(string line) =>
        line.StartsWith(ProgressPrefix, StringComparison.Ordinal)
        && int.TryParse(line.AsSpan(ProgressPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var schedules)
            ? schedules
            : null;

    /// <summary>Reads a result line's <see cref="TestResult"/>, or null when <paramref name="line"/> is not one.</summary>
    internal static TestResult? ParseResult(string line) =>
        line.StartsWith(ResultPrefix, StringComparison.Ordinal)
            ? JsonSerializer.Deserialize(line.AsSpan(ResultPrefix.Length), EngineProtocolJsonContext.Default.TestResult)
            : null;
}
