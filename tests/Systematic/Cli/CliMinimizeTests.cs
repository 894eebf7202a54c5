using Interleave.Cli;

namespace Interleave.Tests.Systematic.Cli;

/// <summary><c>interleave test</c> shrinks each failing schedule unless told <c>--no-minimize</c>, keeping the one it found beside it.</summary>
[Collection(SampleAssemblyCollection.Name)]
public sealed class CliMinimizeTests : CliTests
{
    [Fact]
    public void Test_ABugByDefault_SaysWhatTheShrinkingAchievedAndKeepsTheOriginalTrace()
    {
        var (exit, output, error) = Run("test", "-m", "locks.opposite-order", "-e", "native", "-i", "300", "--seed", "5", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        Assert.Matches(@"Minimized: \d+ steps, \d+ preemptions → \d+ steps, 1 preemption \(fewest preemptions", output);
        foreach (var trace in new[] { "locks.opposite-order.trace", "locks.opposite-order.original.trace" })
        {
            var path = Path.Combine(OutDir, trace);
            Assert.True(File.Exists(path), output);
            var (replayExit, replayOutput, replayError) = Run("replay", path);
            Assert.True(replayExit == ExitCode.BugFound, replayOutput + replayError);
        }
    }

    [Fact]
    public void Test_NoMinimize_ReportsTheScheduleAsFound()
    {
        var (exit, output, error) = Run("test", "-m", "locks.opposite-order", "-e", "native", "-i", "300", "--seed", "5", "--no-minimize", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        Assert.DoesNotContain("Minimized:", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(OutDir, "locks.opposite-order.original.trace")), output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Test_MinimizeSecondsNotPositive_IsAUsageError(string seconds)
    {
        var (exit, output, error) = Run("test", "-m", "locks.opposite-order", "--minimize-seconds", seconds, "-o", OutDir);

        Assert.True(exit == ExitCode.UsageError, output + error);
        Assert.Contains("--minimize-seconds must be a positive number of seconds", error, StringComparison.Ordinal);
    }
}
