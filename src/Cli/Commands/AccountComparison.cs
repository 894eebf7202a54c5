using Interleave.Harness.Tracing;

namespace Interleave.Cli.Commands;

/// <summary>Compares a replayed account with the one recorded beside the trace.</summary>
internal static class AccountComparison
{
    /// <summary>One sentence saying whether the accounts are identical, and if not where they first differ.</summary>
    internal static string Describe(string recorded, string replayed, string recordedPath) =>
        AccountDifference.Find(recorded, replayed) is { } difference
            ? $"The replayed account differs from {recordedPath} at {difference}."
            : $"The replayed account is identical to {recordedPath}.";
}
