using Interleave.Harness;
using Xunit.Abstractions;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// What a user who names no strategy gets: <see cref="Explorer.Verify"/>'s 1,000 schedules of the portfolio
/// find the deep race of <see cref="OperationGroupTests"/> (one preemption at one point among ~30 yields of
/// 3 tasks), which random search alone misses (bench/RESULTS.md).
/// </summary>
public class DefaultStrategyTests(ITestOutputHelper output)
{
    private const int Seeds = 10;

    [Fact]
    public void DeepRace_VerifyWithItsDefaults_FoundForAtLeast9Of10Seeds()
    {
        // What a user who names no strategy and no budget gets: Explorer.Verify's 1,000 schedules of its
        // default strategy. Seeds as in bench/RESULTS.md, where random alone found it for none of them.
        var traces = Directory.CreateTempSubdirectory("interleave-deep-race-").FullName;
        try
        {
            var found = 0;
            for (uint k = 0; k < Seeds; k++)
            {
                var seed = 7 + (k * 1_000_003);
                try
                {
                    var report = Explorer.Verify(DeepRaceOfControlledTasksAsync, seed: seed, outputDirectory: traces);
                    output.WriteLine($"seed {seed}: {report}");
                }
                catch (BugFoundException bug)
                {
                    output.WriteLine($"seed {seed}: {bug.Message.Split('\n')[0]}");
                    found++;
                }
            }

            Assert.True(found >= 9, $"Explorer.Verify with its defaults found the race for only {found} of {Seeds} seeds.");
        }
        finally
        {
            Directory.Delete(traces, recursive: true);
        }
    }

    [Fact]
    public void DeepRace_FixedWriter_PassesVerify()
    {
        // The correct twin: the writer no longer yields between its two writes, so no schedule shows the half-done state.
        var report = Explorer.Verify(() => OperationGroupTests.DeepRaceAsync(body => ControlledTask.Run(body), exposesHalfDone: false), iterations: 300, seed: 7);

        Assert.Equal(300, report.IterationsRun);
    }

    private static Task DeepRaceOfControlledTasksAsync() => OperationGroupTests.DeepRaceAsync(body => ControlledTask.Run(body));
}
