using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;
using Interleave.Harness.Tracing;

namespace Interleave.Harness;

/// <summary>
/// Runs a test under many schedules chosen by one of Coyote's strategies, and says what it found:
/// Coyote's <c>TestingEngine</c> made friendly.
/// </summary>
public static class Explorer
{
    /// <summary>
    /// Replays the schedule of <paramref name="trace"/> (the text of a <c>.trace</c> file) on
    /// <paramref name="test"/>, to see the same failure and the same account again.
    /// </summary>
    /// <param name="test">The test the trace was recorded on.</param>
    /// <param name="trace">The trace's JSON text.</param>
    /// <returns>What the replayed schedule did: the recorded failure, with the same account.</returns>
    /// <exception cref="TraceException">
    /// The trace is unreadable, was recorded for another test or Coyote version, or the schedule diverged
    /// because the code changed (the message names the step), or it replayed without the failure.
    /// </exception>
    public static ExplorationReport Replay(Func<Task> test, string trace)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(trace);
        TraceFile.Validate(trace, TraceFile.NameOf(test));
        var log = new StringWriter();
        var report = Run(test, new ExplorationOptions { Iterations = 1, ReplayTrace = trace }, log);
        if (Divergence(log.ToString()) is { } divergence)
        {
            throw new TraceException($"The schedule diverged from the trace {divergence}: the code under test changed since the trace was recorded, or the trace belongs to another test.");
        }

        if (!report.BugFound)
        {
            throw new TraceException("The trace replayed to its end without the failure: the code under test changed since the trace was recorded, or the trace belongs to another test.");
        }

        return report;
    }

    /// <summary>Explores <paramref name="test"/> and reports the first bug, if any.</summary>
    /// <param name="test">The test: an async method that uses Interleave primitives and <c>ControlledTask</c>.</param>
    /// <param name="options">How to explore; defaults to 100 random schedules.</param>
    /// <returns>What the exploration found.</returns>
    public static ExplorationReport Run(Func<Task> test, ExplorationOptions? options = null) => Run(test, options, log: null);

    private static ExplorationReport Run(Func<Task> test, ExplorationOptions? options, TextWriter? log)
    {
        ArgumentNullException.ThrowIfNull(test);
        options ??= new ExplorationOptions();
        if (options.Iterations <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Iterations, "Iterations must be at least 1.");
        }

        var stopwatch = Stopwatch.StartNew();
        ScheduleRecorder? lastIteration = null;
        Task RecordedTest()
        {
            lastIteration = ObserverHub.RecordCurrentIteration();
            return test();
        }

        using var engine = TestingEngine.Create(Configure(options), RecordedTest);
        // Coyote prints its progress even at verbosity None; the report below says what matters. A replay
        // keeps Coyote's errors, which are the only place it says where a schedule diverged.
        engine.SetLogger(new TextWriterLogger(log ?? TextWriter.Null, log is null ? VerbosityLevel.None : VerbosityLevel.Error));
        var iterations = 0;
        engine.RegisterStartIterationCallBack(_ => iterations++);
        engine.Run();
        stopwatch.Stop();

        var report = engine.TestReport;
        if (report.NumOfFoundBugs == 0)
        {
            return new ExplorationReport(Verdict.NoBug, iterations, string.Empty, string.Empty, stopwatch.Elapsed);
        }

        var message = report.BugReports.First();
        var verdict = Classify(message);
        var account = ScheduleAccount.Render(lastIteration?.Events ?? [], verdict, message);
        var trace = TraceFile.Stamp(engine.ReproducibleTrace ?? string.Empty, TraceFile.NameOf(test));
        return new ExplorationReport(verdict, iterations, message, trace, stopwatch.Elapsed)
        {
            Account = account,
        };
    }

    private static Configuration Configure(ExplorationOptions options)
    {
        var configuration = Configuration.Create()
            .WithTelemetryEnabled(false)
            .WithVerbosityEnabled(VerbosityLevel.None)
            .WithTestingIterations((uint)options.Iterations)
            .WithMaxSchedulingSteps((uint)options.MaxSteps)
            .WithFailureOnMaxStepsBoundEnabled(true);
        if (options.Seed is { } seed)
        {
            configuration = configuration.WithRandomGeneratorSeed(seed);
        }

        if (options.ReplayTrace is { } trace)
        {
            return configuration.WithReproducibleTrace(trace);
        }

        var bound = (uint)options.StrategyBound;
        return options.Strategy switch
        {
            ExplorationStrategy.Prioritization => configuration.WithPrioritizationStrategy(isFair: false, priorityChangeBound: bound),
            ExplorationStrategy.Probabilistic => configuration.WithProbabilisticStrategy(),
            ExplorationStrategy.DelayBounding => configuration.WithDelayBoundingStrategy(isFair: false, delayBound: bound),
            ExplorationStrategy.QLearning => configuration.WithQLearningStrategy(),
            _ => configuration.WithRandomStrategy(),
        };
    }

    // Coyote 1.7.11 logs "The trace ... is not reproducible at execution step 'N': reason." and goes on.
    private static string? Divergence(string log)
    {
        var match = Regex.Match(log, @"is not reproducible at execution step '(\d+)': (.*?)\.(\r?\n|$)");
        return match.Success ? $"at step {match.Groups[1].Value} ({match.Groups[2].Value})" : null;
    }

    // Coyote reports every bug as text; these are the phrasings of its runtime (1.7.11).
    private static Verdict Classify(string message)
    {
        if (message.Contains("eadlock detected", StringComparison.Ordinal))
        {
            return Verdict.Deadlock;
        }

        if (message.Contains("Scheduling steps bound", StringComparison.Ordinal))
        {
            return Verdict.Hang;
        }

        return message.StartsWith("Unhandled exception", StringComparison.Ordinal)
            ? Verdict.UnhandledException
            : Verdict.AssertionFailure;
    }
}
