using Interleave.Harness;
using Interleave.Primitives.Instrumentation;
using Xunit;

namespace Interleave.Tests.Property;

/// <summary>
/// The race detector inside the harness against the brute-force happens-before oracle, on programs the
/// harness explores: FsCheck generates programs of 2-4 tasks over shared cells, locks, events, a queue and a
/// semaphore (<see cref="GeneratedProgram"/>); on every schedule either engine explores, the detector reports a race exactly
/// when the oracle finds one, at the same access; and the first bug's trace replays to the same verdict and account.
/// </summary>
public class ExploredProgramRaceProperties
{
    private static readonly int SchedulesPerProgram = 30 * PropertyScale.Factor;

    [ScaledProperty(60)]
    public void EveryExploredSchedule_DetectorAgreesWithOracle_OnEachEngine(byte taskCount, int[] steps, bool prioritization)
    {
        var program = GeneratedProgram.Decode(taskCount, steps ?? []);
        var strategy = prioritization ? ExplorationStrategy.Prioritization : ExplorationStrategy.Random;

        foreach (var engine in Enum.GetValues<SchedulingEngine>())
        {
            var outcome = Explore(program, engine, strategy);
            Assert.True(outcome.Agrees, outcome.Explanation);
        }
    }

    // Both sides of the property occur: some generated programs race and some do not, so agreement is not
    // agreement on "no race" alone.
    [Fact]
    public void GeneratedPrograms_IncludeRacyAndRaceFreeOnes()
    {
        var random = new Random(5);
        var programs = Enumerable.Range(0, 40)
            .Select(_ => GeneratedProgram.Decode((byte)random.Next(), [.. Enumerable.Range(0, random.Next(4, 20)).Select(_ => random.Next())]))
            .ToList();

        var verdicts = programs.Select(program => Explore(program, SchedulingEngine.Coyote, ExplorationStrategy.Random))
            .Select(outcome => { Assert.True(outcome.Agrees, outcome.Explanation); return outcome.Verdict; })
            .ToList();

        Assert.InRange(verdicts.Count(v => v == Verdict.DataRace), 5, 35);
        Assert.InRange(verdicts.Count(v => v != Verdict.DataRace), 5, 35);
    }

    private static Outcome Explore(GeneratedProgram program, SchedulingEngine engine, ExplorationStrategy strategy)
    {
        var schedules = new List<IReadOnlyList<PrimitiveEvent>>();
        var report = Explorer.Run(program.RunAsync, new ExplorationOptions
        {
            Iterations = SchedulesPerProgram,
            Engine = engine,
            Strategy = strategy,
            Seed = 17,
            ScheduleRecorded = schedules.Add,
        });

        // An atomicity violation (a generated read, yield, write) ends the exploration too: its schedule must
        // be race-free up to there.
        if (report.Verdict is not (Verdict.NoBug or Verdict.DataRace or Verdict.AtomicityViolation))
        {
            return new(false, report.Verdict, $"{engine} engine, {program}: the deadlock-free program was reported as {report}");
        }

        if (schedules.Count != report.IterationsRun)
        {
            return new(false, report.Verdict, $"{engine} engine, {program}: {report.IterationsRun} schedules ran but {schedules.Count} were recorded");
        }

        for (var i = 0; i < schedules.Count; i++)
        {
            var failing = report.Verdict == Verdict.DataRace && i == schedules.Count - 1;
            var expected = failing ? schedules[i].Count - 1 : -1;
            var oracle = HappensBeforeOracle.FirstRace(schedules[i]);
            if (oracle != expected)
            {
                return new(false, report.Verdict, $"{engine} engine, {program}: schedule {i + 1} of {schedules.Count}: the oracle's first race is at event "
                    + $"{oracle}, the detector's at {expected} ({report.Message}).\n{string.Join("\n", schedules[i])}");
            }
        }

        // Replay determinism: the failing schedule's trace replays to the same verdict and the same account.
        if (report.BugFound)
        {
            var replayed = Explorer.Replay(program.RunAsync, report.Trace);
            if (replayed.Verdict != report.Verdict || replayed.Account != report.Account || replayed.Message != report.Message)
            {
                return new(false, report.Verdict, $"{engine} engine, {program}: the trace of {report} replayed to {replayed}\n{report.Account}\n{replayed.Account}");
            }
        }

        return new(true, report.Verdict, string.Empty);
    }

    private sealed record Outcome(bool Agrees, Verdict Verdict, string Explanation);
}
