using System.Diagnostics;
using Interleave.Harness;
using Interleave.Cli.Engines;
using Interleave.Cli.Runs;
using Xunit.Abstractions;

namespace Interleave.Tests.Systematic.Allocation;

/// <summary>
/// A long exploration keeps nothing per schedule: the harness, in a process of its own so that no other test
/// shares its memory, runs one test for many schedules, and its resident size when the run ends is compared
/// with its resident size early in the run.
/// </summary>
public class MemorySoakTests(ITestOutputHelper output)
{
    // The early reading comes once the JIT, Coyote's set-up and the heap have settled; 15,000 schedules
    // later, anything kept per schedule (a few KB) adds well over the 20% allowed.
    private const int Early = 5_000;
    private const int Schedules = 4 * Early;
    private const double MostGrowth = 1.2;

    [Fact]
    public async Task LongExploration_EndsWithinAFifthOfItsResidentSizeEarlyOn()
    {
        var test = TestSelector.SelectOne(TestDiscovery.BuiltIns(), "counter.locked");
        var outDir = Path.Combine(Path.GetTempPath(), "interleave-soak-" + Guid.NewGuid().ToString("N"));

        // An engine process of test -p N runs the test exactly as interleave test does, and says how many
        // schedules it has run; it stays up after the result until its input ends, so the end can be measured.
        using var process = HarnessProcess.Start(["engine"], processor: null, redirectInput: true);
        var job = EngineJob.For(test, new ExplorationOptions { Iterations = Schedules, Seed = 1 }, outDir);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            await process.StandardInput.WriteLineAsync(EngineProtocol.JobLine(job));
            await process.StandardInput.FlushAsync(limit.Token);

            long? early = null;
            (TestResult Result, long Resident)? end = null;
            while (end is null && await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            {
                if (early is null && EngineProtocol.ParseProgress(line) >= Early)
                {
                    early = Resident(process);
                }
                else if (EngineProtocol.ParseResult(line) is { } result)
                {
                    end = (result, Resident(process));
                }
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(limit.Token);
            Assert.True(end is not null && process.ExitCode == 0, $"exit {process.ExitCode}: {await errors}");
            Assert.Equal((Verdict.NoBug, Schedules), (end.Value.Result.Verdict, end.Value.Result.SchedulesRun));
            Assert.True(early is not null, $"No progress line reached schedule {Early}.");
            var readings = $"Resident size {Megabytes(early.Value)} at schedule {Early}, {Megabytes(end.Value.Resident)} at schedule {Schedules}.";
            output.WriteLine(readings);
            Assert.True(end.Value.Resident <= early.Value * MostGrowth, readings);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }

    private static long Resident(Process process)
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MB";
}
