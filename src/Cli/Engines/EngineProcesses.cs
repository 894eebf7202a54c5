using System.Diagnostics;
using System.Globalization;
using Interleave.Cli;
using Interleave.Cli.Commands;
using Interleave.Cli.Runs;
using Interleave.Harness;

namespace Interleave.Cli.Engines;

/// <summary>
/// <c>interleave test -p N</c> on one test: its schedules split into N consecutive ranges (the shards of
/// <c>--shard K/N</c>), each explored by a child process of this harness pinned to a processor of its own
/// (<see cref="CpuAffinity"/>), and folded into one outcome with the same first bug as one engine.
/// </summary>
/// <remarks>
/// Once a range reports a bug, the ranges after it are stopped (nothing there can come first); the ranges
/// before it run on, since one of them may hold an earlier bug. The bug's files are the child's, moved to
/// the output folder. With one engine the child runs the whole test as <c>interleave test -p 1</c> would,
/// unpinned and with the runtime's defaults: the baseline <c>interleave throughput</c> measures the speed-up against.
/// </remarks>
internal sealed class EngineProcesses
{
    private readonly TestCase _test;
    private readonly TestSettings _settings;
    private readonly uint _seed;
    private readonly int _engines;
    private readonly string _workFolder = Directory.CreateTempSubdirectory("interleave-engines-").FullName;

    private EngineProcesses(TestCase test, TestSettings settings, uint seed, int engines)
    {
        _test = test;
        _settings = settings;
        _seed = seed;
        _engines = Count(settings, engines);
    }

    /// <summary>Whether a run can go to engine processes: one test, no shard of its own, and nothing a child cannot send back.</summary>
    internal static bool Suit(TestSettings settings, int selectedTests, int parallel, RaceChecking races) =>
        selectedTests == 1 && parallel > 1 && settings.Shard is null && races != RaceChecking.Warn;

    /// <summary>How many processes <see cref="Explore"/> starts for <paramref name="engines"/>: never more than there are schedules.</summary>
    internal static int Count(TestSettings settings, int engines) => Math.Min(engines, settings.Iterations);

    /// <summary>Explores <paramref name="test"/> in <paramref name="engines"/> processes; see the type's remarks.</summary>
    /// <exception cref="InvalidOperationException">An engine process failed in a way that is not a verdict.</exception>
    internal static TestOutcome Explore(TestCase test, TestSettings settings, uint seed, int engines)
    {
        var run = new EngineProcesses(test, settings, seed, engines);
        try
        {
            return run.Run();
        }
        finally
        {
            try
            {
                Directory.Delete(run._workFolder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is not worth failing the run over.
            }
        }
    }

    private TestOutcome Run()
    {
        var clock = Stopwatch.StartNew();
        var children = Enumerable.Range(1, _engines).Select(Start).ToArray();
        void StopAll(object? sender, ConsoleCancelEventArgs e) => Array.ForEach(children, child => child.Stop());
        Console.CancelKeyPress += StopAll;
        List<TestResult> ranges;
        try
        {
            ranges = AwaitRanges(children, k => Collect(k + 1, children[k]));
        }
        finally
        {
            Console.CancelKeyPress -= StopAll;
            Array.ForEach(children, child => child.Stop());
        }

        return Fold(ranges, clock.Elapsed);
    }

    /// <summary>
    /// Waits for the ranges' processes, collecting each range's result once its process has ended by itself,
    /// and stops the ranges after a bug (nothing there can come first).
    /// </summary>
    /// <param name="children">The ranges' processes, in the order of their schedules.</param>
    /// <param name="collect">Reads the result of the range at an index, once its process has ended by itself.</param>
    /// <returns>The ranges' results in order, up to and including the first with a bug.</returns>
    internal static List<TestResult> AwaitRanges(IReadOnlyList<IRangeProcess> children, Func<int, TestResult> collect)
    {
        var results = new TestResult?[children.Count];
        while (Pending(results, children) is { } waitingFor)
        {
            waitingFor.WaitForExit(TimeSpan.FromMilliseconds(50));
            for (var k = 0; k < children.Count; k++)
            {
                // A range stopped after an earlier bug has exited too, but has no result.
                if (results[k] is null && !children[k].Stopped && children[k].HasExited)
                {
                    results[k] = collect(k);
                }
            }

            if (Array.FindIndex(results, r => r is { BugFound: true }) is var bug and >= 0)
            {
                foreach (var later in children.Skip(bug + 1))
                {
                    later.Stop();
                }
            }
        }

        // A later range may have finished with a bug of its own before it was stopped.
        var ranges = results.TakeWhile(r => r is not null).Select(r => r!).ToList();
        var firstBug = ranges.FindIndex(r => r.BugFound);
        return firstBug < 0 ? ranges : ranges[..(firstBug + 1)];
    }

    // The range to wait for next: the first not done, unless a bug was found before it; null when done.
    private static IRangeProcess? Pending(TestResult?[] results, IReadOnlyList<IRangeProcess> children)
    {
        for (var k = 0; k < results.Length; k++)
        {
            if (results[k] is null)
            {
                return children[k];
            }

            if (results[k]!.BugFound)
            {
                return null;
            }
        }

        return null;
    }

    private Child Start(int shard) =>
        new(HarnessProcess.Start(Arguments(shard), _engines > 1 ? shard - 1 : null, redirectInput: false));

    private IEnumerable<string> Arguments(int shard)
    {
        string[] options = ["-m", _test.Name, "-o", Folder(shard), "--json", Summary(shard), "-v", "quiet"];
        var arguments = HarnessProcess.TestArguments(_settings, _seed).Concat(options);
        return _engines > 1 ? arguments.Concat(["--shard", Invariant(shard) + "/" + Invariant(_engines)]) : arguments;
    }

    private TestResult Collect(int shard, Child child)
    {
        child.Process.WaitForExit(); // and for the redirected output to end
        if (child.Process.ExitCode is not (ExitCode.Ok or ExitCode.BugFound) || !File.Exists(Summary(shard)))
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"Engine process {shard} of {_test.Name} failed with exit code {child.Process.ExitCode}:{Environment.NewLine}{child.Errors}"));
        }

        return RunSummaryFile.Read(Summary(shard)).Tests.Single();
    }

    // The ranges that ran, up to the first with a bug: schedules add up, the bug is the last range's.
    private TestOutcome Fold(IReadOnlyList<TestResult> ranges, TimeSpan elapsed)
    {
        var bug = ranges.FirstOrDefault(r => r.BugFound);
        var schedules = ranges.Sum(r => r.SchedulesRun);
        var timedOut = ranges.Any(r => r.TimedOut);
        if (bug is null)
        {
            return new TestOutcome(_test, new ExplorationReport { IterationsRun = schedules, Elapsed = elapsed, TimedOut = timedOut }, null);
        }

        var trace = MoveBugFiles(bug.Trace!);
        return new TestOutcome(_test, bug.ReadBugReport(schedules, elapsed, trace), trace);
    }

    // The child's trace, account and report, moved beside where one engine would have written them.
    private string MoveBugFiles(string childTrace)
    {
        try
        {
            Directory.CreateDirectory(_settings.OutDir);
            foreach (var extension in new[] { ".trace", ".txt", ".html" })
            {
                File.Move(Path.ChangeExtension(childTrace, extension), Path.Combine(_settings.OutDir, Path.GetFileName(Path.ChangeExtension(childTrace, extension))), overwrite: true);
            }
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot write the trace of {_test.Name} to {_settings.OutDir}: {failure.Message}", failure);
        }

        return Path.Combine(_settings.OutDir, Path.GetFileName(childTrace));
    }

    private string Folder(int shard) => Path.Combine(_workFolder, Invariant(shard));

    private string Summary(int shard) => Path.Combine(_workFolder, Invariant(shard) + ".json");

    private static string Invariant(long value) => HarnessProcess.Invariant(value);

    // One engine process, its output drained and discarded (it writes its result to a file), its errors kept.
    private sealed class Child : IRangeProcess
    {
        private readonly ProcessErrors _errors;

        internal Child(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            _errors = new ProcessErrors(process);
        }

        internal Process Process { get; }

        public bool HasExited => Process.HasExited;

        internal string Errors => _errors.ToString();

        public bool Stopped { get; private set; }

        public void WaitForExit(TimeSpan timeout) => Process.WaitForExit(timeout);

        public void Stop()
        {
            try
            {
                if (!Process.HasExited)
                {
                    Stopped = true;
                    Process.Kill(entireProcessTree: true);
                    Process.WaitForExit(); // so its folder can be removed
                }
            }
            catch (InvalidOperationException)
            {
                // It exited in between.
            }
        }
    }
}
