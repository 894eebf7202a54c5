using System.Collections.Concurrent;
using Interleave.Cli.Runs;

namespace Interleave.Cli.Engines;

/// <summary>
/// <c>interleave test -p N</c> on several tests: up to N engine processes, each pinned to a processor of its
/// own and started once, each taking the next test as it comes free.
/// </summary>
/// <remarks>
/// Started once per run rather than once per test, their start weighs little even when most tests take a
/// second or less. Every test runs with the run's seed, so which process explores it changes nothing of what it
/// finds; each writes its bug's files to the output folder itself, since no two explore one test.
/// </remarks>
internal sealed class ProcessPoolEngine : IExplorationEngine
{
    private readonly RunOptions _options;
    private readonly ConcurrentBag<EngineProcess> _idle = [];
    private readonly List<EngineProcess> _started = [];

    /// <summary>Prepares the pool; the processes start when the first tests need them.</summary>
    /// <param name="options">The run's options; a <see cref="RunOptions.Parallel"/> above one pins each process to a processor.</param>
    internal ProcessPoolEngine(RunOptions options)
    {
        _options = options;
        Console.CancelKeyPress += StopAll;
    }

    public string Placement => FormattableString.Invariant($", {_options.Parallel} at a time in engine processes");

    public int TestsAtOnce => _options.Parallel;

    public TestResult Explore(TestCase test, IProgress<int>? progress)
    {
        var process = _idle.TryTake(out var idle) ? idle : Start();
        var result = process.Run(EngineJob.For(test, _options.Exploration, _options.OutDir), test.Name, progress);
        _idle.Add(process);
        return result;
    }

    /// <summary>Ends every engine process: each finishes when its input closes.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= StopAll;
        lock (_started)
        {
            _started.ForEach(process => process.Finish());
        }
    }

    private EngineProcess Start()
    {
        lock (_started)
        {
            // One engine process runs unpinned with the runtime's defaults: the baseline `throughput` measures against.
            int? processor = _options.Parallel > 1 ? _started.Count : null;
            var process = EngineProcess.Start(_options.AssemblyPath, _started.Count + 1, processor);
            _started.Add(process);
            return process;
        }
    }

    private void StopAll(object? sender, ConsoleCancelEventArgs e)
    {
        lock (_started)
        {
            _started.ForEach(process => process.Kill());
        }
    }
}
