using System.Diagnostics;
using Interleave.Cli.Runs;
using Interleave.Harness.Exploration;

namespace Interleave.Cli.Engines;

/// <summary>
/// <c>interleave test -p N</c> on one test: the run's schedules split into N consecutive ranges of one seed,
/// each explored by an engine process pinned to a processor of its own, and folded into the result one engine
/// would have given (<see cref="ShardFold"/>): the same first bug.
/// </summary>
/// <remarks>
/// Once a range reports a bug, the ranges after it are stopped (nothing there can come first); the ranges
/// before it run on, since one of them may hold an earlier bug. Each range writes its bug's files to a folder of
/// its own; the first bug's are moved to the output folder. With one engine the process runs the whole test
/// unpinned and with the runtime's defaults: the baseline <c>interleave throughput</c> measures the speed-up against.
/// </remarks>
/// <param name="options">The run's options.</param>
/// <param name="engines">How many engine processes to split each test among.</param>
internal sealed class RangeSplitEngine(RunOptions options, int engines) : IExplorationEngine
{
    /// <summary>
    /// How many processes a test is split among: never more than it has whole turns of its strategy, since
    /// <see cref="Shard.Range"/> starts every range at one.
    /// </summary>
    internal int Count => Math.Clamp(options.Exploration.Iterations / StrategyTurns.Length(options.Exploration.Strategy), 1, engines);

    public string Placement => FormattableString.Invariant($", in {Count} engine processes side by side");

    public int TestsAtOnce => 1;

    public TestResult Explore(TestCase test, IProgress<int>? progress)
    {
        var clock = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("interleave-engines-").FullName;
        var processes = new List<EngineProcess>();
        var ranges = new RangeJob?[Count];
        void StopAll(object? sender, ConsoleCancelEventArgs e) => processes.ForEach(process => process.Kill());
        Console.CancelKeyPress += StopAll;
        try
        {
            var total = new RangeProgress(progress, Count);
            for (var k = 0; k < Count; k++)
            {
                var process = EngineProcess.Start(options.AssemblyPath, k + 1, Count > 1 ? k : null);
                processes.Add(process);
                ranges[k] = new RangeJob(process, Job(test, k, Path.Combine(work, FormattableString.Invariant($"{k + 1}"))), test.Name, total.Of(k));
            }

            var results = AwaitRanges(ranges!, k => ranges[k]!.Result);
            var folded = ShardFold.Fold(results);
            return folded with
            {
                ElapsedMilliseconds = clock.Elapsed.TotalMilliseconds,
                Trace = folded.Trace is { } trace ? MoveBugFiles(test, trace) : null,
            };
        }
        finally
        {
            Console.CancelKeyPress -= StopAll;
            Array.ForEach(ranges, range => range?.Stop());
            processes.ForEach(process => process.Finish());
            Remove(work);
        }
    }

    public void Dispose()
    {
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

            if (Array.FindIndex(results, r => r is { Failed: true }) is var bug and >= 0)
            {
                foreach (var later in children.Skip(bug + 1))
                {
                    later.Stop();
                }
            }
        }

        // A later range may have finished with a bug of its own before it was stopped.
        var ranges = results.TakeWhile(r => r is not null).Select(r => r!).ToList();
        var firstBug = ranges.FindIndex(r => r.Failed);
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

            if (results[k]!.Failed)
            {
                return null;
            }
        }

        return null;
    }

    // The k-th of the Count consecutive ranges of the run's schedules (which a shard's run starts past its first).
    private EngineJob Job(TestCase test, int k, string outDir)
    {
        var exploration = options.Exploration;
        var (first, count) = new Shard(k + 1, Count).Range(exploration.Iterations, exploration.Strategy);
        return EngineJob.For(test, exploration with { FirstSchedule = exploration.FirstSchedule + first, Iterations = count }, outDir);
    }

    // The range's trace, account and report, moved to where one engine would have written them.
    private string MoveBugFiles(TestCase test, string rangeTrace)
    {
        try
        {
            Directory.CreateDirectory(options.OutDir);
            foreach (var extension in new[] { ".trace", ".txt", ".html" })
            {
                var file = Path.ChangeExtension(rangeTrace, extension);
                File.Move(file, Path.Combine(options.OutDir, Path.GetFileName(file)), overwrite: true);
            }
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot write the trace of {test.Name} to {options.OutDir}: {failure.Message}", failure);
        }

        return Path.Combine(options.OutDir, Path.GetFileName(rangeTrace));
    }

    private static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is not worth failing the run over.
        }
    }

    // One range's job, running on an engine process while the engine waits on all of them.
    private sealed class RangeJob : IRangeProcess
    {
        private readonly EngineProcess _process;
        private readonly Task<TestResult> _run;

        internal RangeJob(EngineProcess process, EngineJob job, string testName, IProgress<int> progress)
        {
            _process = process;
            _run = Task.Factory.StartNew(() => process.Run(job, testName, progress), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public bool HasExited => _run.IsCompleted;

        public bool Stopped { get; private set; }

        /// <summary>The range's result: what its process answered, or the failure it ended with.</summary>
        internal TestResult Result => _run.GetAwaiter().GetResult();

        public void WaitForExit(TimeSpan timeout) => ((IAsyncResult)_run).AsyncWaitHandle.WaitOne(timeout);

        public void Stop()
        {
            if (!_run.IsCompleted)
            {
                Stopped = true;
                _process.Kill();
            }
        }
    }

    // The schedules of every range added up, for the test's one progress bar.
    private sealed class RangeProgress(IProgress<int>? total, int ranges)
    {
        private readonly int[] _started = new int[ranges];

        internal IProgress<int> Of(int range) => new Part(this, range);

        private void Report(int range, int schedules)
        {
            int sum;
            lock (_started)
            {
                _started[range] = schedules;
                sum = _started.Sum();
            }

            total?.Report(sum);
        }

        private sealed class Part(RangeProgress owner, int range) : IProgress<int>
        {
            public void Report(int value) => owner.Report(range, value);
        }
    }
}
