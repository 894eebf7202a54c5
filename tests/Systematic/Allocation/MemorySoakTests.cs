using Interleave.Harness;
using Interleave.Scenarios;
using Xunit.Abstractions;

namespace Interleave.Tests.Systematic.Allocation;

/// <summary>
/// A long exploration keeps nothing per schedule: the bytes still reachable after a full collection, read at
/// the end of a schedule every few hundred schedules, grow by well under a kilobyte a schedule in at least one
/// stretch of the run. (Coyote's report kept the trace of every distinct schedule, about 4 KB each, until the
/// harness cleared it: bench/RESULTS.md, "Ninth session".)
/// </summary>
/// <remarks>
/// A leak grows the heap in every stretch; work that another test left running in the process (a task of an
/// abandoned schedule finishing late) grows it once. So the test asks for one stretch under the limit, not all.
/// </remarks>
[Collection(Name)]
public class MemorySoakTests(ITestOutputHelper output)
{
    /// <summary>The collection's name: it runs alone, so that no other test's objects come and go meanwhile.</summary>
    public const string Name = "Memory soak";

    private const int FirstReading = 1_000;
    private const int Stretch = 500;
    private const int Readings = 5;
    private const long MostBytesKeptPerSchedule = 1_024;

    [Fact]
    public void LongExploration_KeepsUnderAKilobyteAPerSchedule()
    {
        const int lastReading = FirstReading + (Stretch * (Readings - 1));
        var schedules = 0;
        var reachable = new List<long>(Readings);
        var options = new ExplorationOptions
        {
            Iterations = lastReading,
            Seed = 1,
            ScheduleRecorded = _ =>
            {
                schedules++;
                if (schedules >= FirstReading && (schedules - FirstReading) % Stretch == 0)
                {
                    reachable.Add(GC.GetTotalMemory(forceFullCollection: true));
                }
            },
        };

        var report = Explorer.Run(CounterScenarios.LockedIncrement, options);

        Assert.Equal((Verdict.NoBug, lastReading, Readings), (report.Verdict, report.IterationsRun, reachable.Count));
        var keptPerSchedule = reachable.Zip(reachable.Skip(1), (before, after) => (after - before) / Stretch).ToList();
        var readings = $"Reachable after a full collection every {Stretch} schedules from schedule {FirstReading}: "
            + $"{string.Join(", ", reachable.Select(bytes => $"{bytes:N0} B"))}; kept a schedule in each stretch: "
            + $"{string.Join(", ", keptPerSchedule.Select(bytes => $"{bytes:N0} B"))}.";
        output.WriteLine(readings);
        Assert.True(keptPerSchedule.Min() < MostBytesKeptPerSchedule, readings);
    }
}
