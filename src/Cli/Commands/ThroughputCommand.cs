using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Interleave.Cli.Engines;
using Interleave.Cli.Measurement;
using Interleave.Cli.Runs;
using Interleave.Harness;

namespace Interleave.Cli.Commands;

/// <summary>
/// <c>interleave throughput [assembly.dll] [-m NAME] [-i N]</c>: schedules per second of the harness
/// against a bare Coyote <c>TestingEngine</c> on the same tests and seed, measured in this run; with
/// <c>--hang</c>, what each engine pays to reach a hang at growing step bounds instead (<see cref="HangCost"/>).
/// </summary>
internal static class ThroughputCommand
{
    // Every measurement explores the same schedules.
    private const uint Seed = 1;

    internal static Command Create(TextWriter output, TextWriter error)
    {
        var assembly = SharedArguments.Assembly();
        var method = SharedArguments.Method();
        var iterations = new Option<int>("--iterations", "-i") { Description = "Schedules per measurement.", DefaultValueFactory = _ => 300, HelpName = "N" };
        var rounds = new Option<int>("--rounds", "-r") { Description = "Measurements of each, taken in turns; the median is reported.", DefaultValueFactory = _ => 3, HelpName = "N" };
        var hang = new Option<bool>("--hang") { Description = "Instead of the rates, the cost of reaching a hang: one schedule of a polling loop that never ends (random strategy, races off) at each --hang-steps bound, on each --engine; its seconds, microseconds per scheduling step, and the per-step cost at the largest bound over that at the smallest (a cost per step that does not grow with the schedule is 1)." };
        var hangSteps = new Option<int[]>("--hang-steps") { Description = "The --max-steps bounds of --hang.", DefaultValueFactory = _ => [1_000, 4_000, 10_000], HelpName = "N", AllowMultipleArgumentsPerToken = true };
        var engineNames = new Option<string[]>("--engine", "-e") { Description = $"The engines of --hang: {EngineNames.Valid}.", DefaultValueFactory = _ => ["coyote", "native"], HelpName = "E", AllowMultipleArgumentsPerToken = true };
        var command = new Command("throughput", "Print schedules per second of the harness and of a bare Coyote TestingEngine on each bug-free test (random strategy), their ratio, scheduling steps per second, the cost of race checks, and the speed-up of one engine per processor as threads of this process (Explorer's ParallelEngines) and as engine processes (test -p N against test -p 1, each a cold start of its own processes; on the all row, the tests as one run), and the harness on the native engine: its schedules per second, their ratio to the harness on Coyote's, and its cost per scheduling step.")
        {
            assembly,
            method,
            iterations,
            rounds,
            hang,
            hangSteps,
            engineNames,
        };
        command.SetAction(parse => parse.GetValue(hang)
            ? ExecuteHang(parse.GetValue(hangSteps)!, parse.GetValue(engineNames)!, parse.GetValue(rounds), output)
            : Execute(parse.GetValue(assembly), parse.GetValue(method), parse.GetValue(iterations), parse.GetValue(rounds), output, error));
        return command;
    }

    internal static int Execute(string? assemblyPath, string? pattern, int iterations, int rounds, TextWriter output, TextWriter error)
    {
        if (iterations <= 0)
        {
            throw new UsageException($"--iterations must be at least 1, not {iterations}.");
        }

        if (rounds <= 0)
        {
            throw new UsageException($"--rounds must be at least 1, not {rounds}.");
        }

        var tests = TestSelector.Select(TestDiscovery.Discover(assemblyPath, error), pattern)
            .Where(test => test.IsBuggy != true)
            .ToList();
        var width = Math.Max("test".Length, tests.Max(t => t.Name.Length));
        var engines = Environment.ProcessorCount;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"test".PadRight(width)}  {"bare engine/s",13}  {"harness/s",10}  {"ratio",6}  {"steps/s",8}  {"no race check/s",15}  {"race check cost",15}  {$"{engines} threads/s",11}  {"speed-up",8}  {"-p 1 process/s",14}  {$"-p {engines} processes/s",16}  {"speed-up",8}  {"native/s",9}  {"native ×",8}  {"µs/step",7}"));

        // Where an engine process would put a bug's files: the tests are meant to have none.
        var bugFolder = Directory.CreateTempSubdirectory("interleave-throughput-");
        var results = new List<ThroughputResult>();
        try
        {
            foreach (var test in tests)
            {
                TimeSpan InProcesses(int schedules, int processes)
                {
                    using var engine = new RangeSplitEngine(Run(assemblyPath, schedules, processes, bugFolder.FullName), processes);
                    return TimeSpan.FromMilliseconds(engine.Explore(test, progress: null).ElapsedMilliseconds);
                }

                var result = Throughput.Measure(test.Test, iterations, Seed, rounds, engines, InProcesses);
                results.Add(result);
                output.WriteLine(Row(test.Name.PadRight(width), result));
            }

            // "all": every test's schedules back to back, i.e. total work over total time (every test runs the
            // same number of schedules, so the time per schedule of each is what adds up).
            double Seconds(Func<ThroughputResult, double> rate) => results.Sum(r => 1 / rate(r));
            double Overall(Func<ThroughputResult, double> rate) => results.Count / Seconds(rate);
            double OverallSteps(Func<ThroughputResult, double> steps, Func<ThroughputResult, double> rate) =>
                results.Sum(r => steps(r) / rate(r)) / Seconds(rate);
            var (oneProcess, processes) = tests.Count > 1
                ? WholeRun(tests, assemblyPath, iterations, rounds, engines, bugFolder.FullName)
                : (Overall(r => r.HarnessInOneProcess), Overall(r => r.HarnessInProcesses));
            output.WriteLine(Row("all".PadRight(width), new ThroughputResult(
                Overall(r => r.BareEngine),
                Overall(r => r.Harness),
                Overall(r => r.HarnessWithoutRaceChecks),
                Overall(r => r.HarnessParallel),
                engines,
                OverallSteps(r => r.BareEngineSteps, r => r.BareEngine),
                OverallSteps(r => r.HarnessSteps, r => r.Harness))
            {
                HarnessInProcesses = processes,
                HarnessInOneProcess = oneProcess,
                Native = Overall(r => r.Native),
                NativeSteps = OverallSteps(r => r.NativeSteps, r => r.Native),
            }));
            var ratios = results.Select(r => r.Native / r.Harness).ToArray();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"native engine: {Throughput.Median(ratios, ratio => ratio):F1}x the schedules per second of the harness on Coyote's (median of the {results.Count} rows), {Throughput.Median(results.ToArray(), r => 1e6 / r.NativeSteps):F2} µs per scheduling step (median)."));
            if (tests.Count > 1)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"all, -p columns: the {tests.Count} tests as one run, in {engines} engine processes taking them in turn (test -p {engines}) against one engine process, medians of {rounds}."));
            }
        }
        finally
        {
            bugFolder.Delete(recursive: true);
        }

        return ExitCode.Ok;
    }

    internal static int ExecuteHang(int[] bounds, string[] engineNames, int rounds, TextWriter output)
    {
        if (rounds <= 0)
        {
            throw new UsageException($"--rounds must be at least 1, not {rounds}.");
        }

        if (bounds.Length == 0 || bounds.Any(bound => bound <= 0))
        {
            throw new UsageException($"--hang-steps must be one or more bounds of at least 1, not '{string.Join(' ', bounds)}'.");
        }

        var engines = engineNames.Select(EngineNames.Parse).Distinct().ToList();
        Array.Sort(bounds);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The cost of reaching a hang: one schedule of a polling loop that never ends (a supervisor and a worker, each waiting 1 virtual ms a turn), random strategy, seed {Seed}, races off; medians of {rounds}. bare: a Coyote TestingEngine configured as the harness configures it, without the harness's recording."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"engine",-7}  {"max steps",9}  {"steps",7}  {"seconds",8}  {"µs/step",8}"));
        foreach (var engine in engines)
        {
            Print(EngineNames.NameOf(engine), bounds.Select(bound => HangCost.Measure(engine, bound, Seed, rounds)).ToList(), output);
            if (engine == SchedulingEngine.Coyote)
            {
                // Coyote's own share: its TestingEngine configured as the harness configures it, none of our recording.
                Print("bare", bounds.Select(bound => HangCost.MeasureBare(bound, Seed, rounds)).ToList(), output);
            }
        }

        return ExitCode.Ok;
    }

    private static void Print(string engine, IReadOnlyList<HangCostResult> results, TextWriter output)
    {
        foreach (var result in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{engine,-7}  {result.MaxSteps,9}  {result.Steps,7}  {result.Elapsed.TotalSeconds,8:F2}  {result.MicrosecondsPerStep,8:F2}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine}: a step at --max-steps {results[^1].MaxSteps} costs {results[^1].MicrosecondsPerStep / results[0].MicrosecondsPerStep:F2}x one at {results[0].MaxSteps} (1 is linear)."));
    }

    // Schedules per second of the tests as one run in one engine process and in `engines` of them, as
    // `test -p 1` and `test -p N` on several tests explore them, measured in turns; medians of each.
    private static (double OneProcess, double Processes) WholeRun(
        IReadOnlyList<TestCase> tests, string? assemblyPath, int iterations, int rounds, int engines, string bugFolder)
    {
        double Rate(int processes)
        {
            var clock = Stopwatch.StartNew();
            using var engine = new ProcessPoolEngine(Run(assemblyPath, iterations, processes, bugFolder));
            var results = ParallelRunner.Run(tests, processes, test => engine.Explore(test, progress: null), _ => { });
            return results.Sum(r => r.SchedulesRun) / clock.Elapsed.TotalSeconds;
        }

        var one = new double[rounds];
        var many = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            one[round] = Rate(1);
            many[round] = Rate(engines);
        }

        return (Throughput.Median(one, rate => rate), Throughput.Median(many, rate => rate));
    }

    // A run of the given schedules of each test with the throughput seed, on the given number of engines.
    private static RunOptions Run(string? assemblyPath, int schedules, int engines, string bugFolder) =>
        new(assemblyPath, new ExplorationOptions { Iterations = schedules, Seed = Seed }, bugFolder, engines);

    // The race check's cost: the share of time the harness spends more with the detectors than without.
    private static string Row(string name, ThroughputResult r) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{name}  {r.BareEngine,13:F0}  {r.Harness,10:F0}  {r.Harness / r.BareEngine,6:P0}  {r.HarnessSteps,8:F0}  {r.HarnessWithoutRaceChecks,15:F0}  {(r.HarnessWithoutRaceChecks / r.Harness) - 1,15:P0}  {r.HarnessParallel,11:F0}  {r.HarnessParallel / r.Harness,7:F2}x  {r.HarnessInOneProcess,14:F0}  {r.HarnessInProcesses,16:F0}  {r.HarnessInProcesses / r.HarnessInOneProcess,7:F2}x  {r.Native,9:F0}  {r.Native / r.Harness,7:F1}x  {1e6 / r.NativeSteps,7:F2}");
}
