using Interleave.Harness;
using Interleave.Scenarios;
using Xunit.Abstractions;

namespace Interleave.Tests.Systematic.Allocation;

/// <summary>
/// A long exploration keeps nothing per schedule: the bytes still reachable after a full collection, read at
/// the end of a schedule early in a run and again thousands of schedules later, grow by well under a kilobyte
/// a schedule. (Coyote's report kept the trace of every distinct schedule, about 4 KB each, until the harness
/// cleared it: bench/RESULTS.md, "Ninth session".)
/// </summary>
[Collection(Name)]
public class MemorySoakTests(ITestOutputHelper output)
{
    /// <summary>The collection's name: it runs alone, so that no other test's objects come and go meanwhile.</summary>
    public const string Name = "Memory soak";

    private const int Early = 1_000;
    private const int Late = 3_000;
    private const long MostBytesKeptPerSchedule = 1_024;

    [Fact]
    public void LongExploration_KeepsUnderAKilobyteAPerSchedule()
    {
        var schedules = 0;
        long early = 0, late = 0;
        var options = new ExplorationOptions
        {
            Iterations = Late,
            Seed = 1,
            ScheduleRecorded = _ =>
            {
                schedules++;
                if (schedules == Early)
                {
                    early = GC.GetTotalMemory(forceFullCollection: true);
                }
                else if (schedules == Late)
                {
                    late = GC.GetTotalMemory(forceFullCollection: true);
                }
            },
        };

        var report = Explorer.Run(CounterScenarios.LockedIncrement, options);

        Assert.Equal((Verdict.NoBug, Late), (report.Verdict, report.IterationsRun));
        var perSchedule = (late - early) / (Late - Early);
        var readings = $"Reachable after a full collection: {early:N0} B at schedule {Early}, {late:N0} B at schedule {Late}: {perSchedule:N0} B kept a schedule.";
        output.WriteLine(readings);
        Assert.True(perSchedule < MostBytesKeptPerSchedule, readings);
    }
}

