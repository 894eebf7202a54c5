using Interleave.Harness;
using Interleave.Scenarios;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>The one-line xunit helper: silent on a correct test, a readable failure with a replayable trace on a bug.</summary>
public sealed class ExplorerVerifyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"interleave-verify-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Verify_CorrectScenario_ReturnsAfterEveryIteration()
    {
        var report = Explorer.Verify(BankScenarios.SafeWithdraw, iterations: 300, outputDirectory: _folder);

        Assert.Equal(300, report.IterationsRun);
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void Verify_BuggyScenario_ThrowsWithAccountTracePathAndReplayCall()
    {
        var error = Assert.Throws<BugFoundException>(() =>
            Explorer.Verify(BankScenarios.UnprotectedWithdraw, iterations: 100, seed: 9, outputDirectory: _folder));

        Assert.Contains("Data race on shared 'balance'", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"(Alice|Bob) +(read|write) shared 'balance'", error.Message);
        Assert.Contains($"Trace: {error.TracePath}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Replay: Explorer.Replay(UnprotectedWithdraw", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(error.TracePath));
        var replayed = Explorer.Replay(BankScenarios.UnprotectedWithdraw, File.ReadAllText(error.TracePath!));
        Assert.Equal(error.Report!.Account, replayed.Account);
        Assert.Equal(replayed.Account, File.ReadAllText(Path.ChangeExtension(error.TracePath!, ".txt")));
        var html = Path.ChangeExtension(error.TracePath!, ".html");
        Assert.Contains($"Report: {html}", error.Message, StringComparison.Ordinal);
        Assert.Contains("class=\"step failing\"", File.ReadAllText(html), StringComparison.Ordinal);
    }
}
