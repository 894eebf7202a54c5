using Interleave.Harness;
using Interleave.Harness.Findings;

namespace Interleave.Cli.Runs;

/// <summary>
/// A <see cref="Finding"/> as the run summary's JSON writes it (<c>--json</c>, and an engine process's result):
/// its verdict, its words, and the primitives and steps it involves.
/// </summary>
/// <param name="Verdict">The finding's verdict.</param>
/// <param name="Message">The finding in words.</param>
/// <param name="Primitives">The primitives and cells involved: <c>shared 'balance'</c>, <c>lock 'a'</c>.</param>
/// <param name="Steps">The steps involved, in schedule order.</param>
internal sealed record FindingSummary(Verdict Verdict, string Message, IReadOnlyList<string> Primitives, IReadOnlyList<StepSummary> Steps)
{
    internal static FindingSummary Of(Finding finding) =>
        new(finding.Verdict, finding.Message, finding.Primitives, [.. finding.Steps.Select(StepSummary.Of)]);
}
