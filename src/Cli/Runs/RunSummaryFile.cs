using System.Text.Json;

namespace Interleave.Cli.Runs;

/// <summary>Reads and writes <see cref="RunSummary"/> as JSON (<c>--json</c>, <c>merge</c>).</summary>
internal static class RunSummaryFile
{
    internal static void Write(string path, RunSummary summary)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(path, JsonSerializer.Serialize(summary, RunSummaryJsonContext.Default.RunSummary));
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"Cannot write the run summary to {path}: {failure.Message}", failure);
        }
    }

    internal static RunSummary Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"Cannot read {path}: {failure.Message}", failure);
        }

        RunSummary? summary;
        try
        {
            summary = JsonSerializer.Deserialize(text, RunSummaryJsonContext.Default.RunSummary);
        }
        catch (JsonException failure)
        {
            throw new UsageException($"{path} is not a run summary of interleave test --json: {failure.Message}", failure);
        }

        return summary is { Tests: not null, Shards: not null, Format: "interleave-run-summary/1" }
            ? summary
            : throw new UsageException($"{path} is not a run summary of interleave test --json (format interleave-run-summary/1).");
    }
}
