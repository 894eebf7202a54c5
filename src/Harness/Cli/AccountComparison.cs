using System.Globalization;

namespace Interleave.Harness.Cli;

/// <summary>Compares a replayed account with the one recorded beside the trace.</summary>
internal static class AccountComparison
{
    /// <summary>One sentence (two indented lines more when they differ) saying whether the accounts are identical.</summary>
    internal static string Describe(string recorded, string replayed, string recordedPath)
    {
        var before = Lines(recorded);
        var after = Lines(replayed);
        for (var i = 0; i < Math.Max(before.Length, after.Length); i++)
        {
            var was = i < before.Length ? before[i] : "(nothing: the recorded account ends here)";
            var now = i < after.Length ? after[i] : "(nothing: the replayed account ends here)";
            if (was != now)
            {
                return string.Create(CultureInfo.InvariantCulture, $"The replayed account differs from {recordedPath} at line {i + 1}:{Environment.NewLine}  recorded: {was}{Environment.NewLine}  replayed: {now}");
            }
        }

        return $"The replayed account is identical to {recordedPath}.";
    }

    private static string[] Lines(string text) =>
        text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
