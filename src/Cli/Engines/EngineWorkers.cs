using System.Collections.Concurrent;
using System.Diagnostics;
using Interleave.Cli;
using Interleave.Cli.Commands;
using Interleave.Cli.Runs;
using Interleave.Harness;

namespace Interleave.Cli.Engines;

/// <summary>
/// <c>interleave test -p N</c> on several tests: up to N engine processes of this harness, each pinned to a
/// processor of its own and started once, each taking the next test as it comes free
/// (<see cref="EngineWorkerLoop"/> is their side).
/// </summary>
/// <remarks>
/// Engines as threads of one process hand Coyote's steps between threads on both processors, and gain
/// 1.2-1.3x from two; pinned processes hand them on one (see <see cref="CpuAffinity"/>). Started once per
/// run rather than once per test, their start weighs little even when most tests take a second or less.
/// Every test runs with the run's seed, so which process explores it changes nothing of what it finds; each
/// writes its bug's files to the output folder itself, as one engine would, since no two explore one test.
/// </remarks>
internal sealed class EngineWorkers : IDisposable
{
    private readonly TestSettings _settings;
    private readonly uint _seed;
    private readonly ConcurrentBag<Worker> _idle = [];
    private readonly List<Worker> _started = [];

    /// <summary>Prepares the pool; the processes start when the first tests need them.</summary>
    /// <param name="settings">The run's options, passed on to every engine process; more than one <see cref="TestSettings.Parallel"/> pins each to a processor.</param>
    /// <param name="seed">The run's seed, the same for every test as in one process.</param>
    internal EngineWorkers(TestSettings settings, uint seed)
    {
        _settings = settings;
        _seed = seed;
        Console.CancelKeyPress += StopAll;
    }

    /// <summary>Whether a run can go to engine processes: several tests, and nothing a process cannot send back.</summary>
    internal static bool Suit(int selectedTests, int parallel, RaceChecking races) =>
        selectedTests > 1 && parallel > 1 && races != RaceChecking.Warn;

    /// <summary>Explores <paramref name="test"/> in an idle engine process, or a new one; safe to call from several threads.</summary>
    /// <param name="test">The test.</param>
    /// <param name="progress">Told the schedules started, about ten times a second.</param>
    /// <exception cref="InvalidOperationException">The engine process failed in a way that is not a verdict.</exception>
    internal TestOutcome Explore(TestCase test, IProgress<int>? progress)
    {
        var worker = _idle.TryTake(out var idle) ? idle : Start();
        var result = worker.Explore(test, progress);
        _idle.Add(worker);
        var elapsed = TimeSpan.FromMilliseconds(result.ElapsedMilliseconds);
        var report = result.BugFound
            ? result.ReadBugReport(result.SchedulesRun, elapsed, result.Trace!)
            : new ExplorationReport { IterationsRun = result.SchedulesRun, Elapsed = elapsed, TimedOut = result.TimedOut };
        return new TestOutcome(test, report, result.Trace);
    }

    /// <summary>Ends every engine process: each finishes when its input closes.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= StopAll;
        lock (_started)
        {
            _started.ForEach(worker => worker.Finish());
        }
    }

    private Worker Start()
    {
        lock (_started)
        {
            string[] options = ["-o", _settings.OutDir, "-v", "quiet", "--serve"];
            var arguments = HarnessProcess.TestArguments(_settings, _seed).Concat(options);
            if (_settings.Shard is { } shard)
            {
                arguments = arguments.Concat(["--shard", shard]);
            }

            // One engine process runs unpinned with the runtime's defaults: the baseline `throughput` measures against.
            int? processor = _settings.Parallel > 1 ? _started.Count : null;
            var worker = new Worker(HarnessProcess.Start(arguments, processor, redirectInput: true), _started.Count + 1);
            _started.Add(worker);
            return worker;
        }
    }

    private void StopAll(object? sender, ConsoleCancelEventArgs e)
    {
        lock (_started)
        {
            _started.ForEach(worker => worker.Stop());
        }
    }

    // One engine process: tests go in on its input, progress and results come back on its output.
    private sealed class Worker
    {
        private readonly Process _process;
        private readonly ProcessErrors _errors;
        private readonly int _number;

        internal Worker(Process process, int number)
        {
            _process = process;
            _errors = new ProcessErrors(process);
            _number = number;
        }

        internal TestResult Explore(TestCase test, IProgress<int>? progress)
        {
            try
            {
                _process.StandardInput.WriteLine(test.FullName);
                _process.StandardInput.Flush();
                while (_process.StandardOutput.ReadLine() is { } line)
                {
                    if (EngineWorkerLoop.ParseProgress(line) is { } schedules)
                    {
                        progress?.Report(schedules);
                    }
                    else if (EngineWorkerLoop.ParseResult(line) is { } result)
                    {
                        return result;
                    }
                }
            }
            catch (IOException)
            {
                // Its input closed under the write: it has ended, and says why below.
            }

            _process.WaitForExit();
            var errors = _errors.ToString();
            throw new InvalidOperationException(
                $"Engine process {_number} failed with exit code {_process.ExitCode} while exploring {test.Name}{(errors.Length == 0 ? "." : ":" + Environment.NewLine + errors)}");
        }

        internal void Finish()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    Stop();
                }
            }
            catch (IOException)
            {
                // It had ended already.
            }
        }

        internal void Stop()
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It had ended already.
            }
        }
    }
}
