namespace Interleave.Harness.Tracing;

/// <summary>Where two readable accounts of one schedule first differ, e.g. a recorded and a replayed one.</summary>
internal static class AccountDifference
{
    /// <summary>
    /// "step line N: recorded '...', replayed '...'" for the first line after the heading (which counts the
    /// steps, so it differs whenever anything does) that differs; null when the accounts are identical.
    /// </summary>
    internal static string? Find(string recorded, string replayed)
    {
        var before = Lines(recorded);
        var after = Lines(replayed);
        for (var i = 1; i < Math.Max(before.Length, after.Length); i++)
        {
            // Column widths follow the longest line, so padding may differ where the words do not.
            var was = i < before.Length ? Words(before[i]) : "(the recorded account ends here)";
            var now = i < after.Length ? Words(after[i]) : "(the replayed account ends here)";
            if (was != now)
            {
                return $"line {i + 1}: recorded '{was}', replayed '{now}'";
            }
        }

        return before.Length > 0 && after.Length > 0 && before[0] != after[0]
            ? $"line 1: recorded '{before[0]}', replayed '{after[0]}'"
            : null;
    }

    private static string Words(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The account's lines, whatever its line endings, without the trailing empty line.</summary>
    internal static string[] Lines(string account) =>
        account.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
