using System.Diagnostics;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Harness;

/// <summary>
/// Runs a test under many schedules chosen by one of Coyote's strategies, and says what it found:
/// Coyote's <c>TestingEngine</c> made friendly.
/// </summary>
public static class Explorer
{
    /// <summary>Explores <paramref name="test"/> and reports the first bug, if any.</summary>
    /// <param name="test">The test: an async method that uses Interleave primitives and <c>ControlledTask</c>.</param>
    /// <param name="options">How to explore; defaults to 100 random schedules.</param>
    /// <returns>What the exploration found.</returns>
    public static ExplorationReport Run(Func<Task> test, ExplorationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(test);
        options ??= new ExplorationOptions();
        if (options.Iterations <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Iterations, "Iterations must be at least 1.");
        }

        var stopwatch = Stopwatch.StartNew();
        using var engine = TestingEngine.Create(Configure(options), test);
        // Coyote prints its progress even at verbosity None; the report below says what matters.
        engine.SetLogger(new TextWriterLogger(TextWriter.Null, VerbosityLevel.None));
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
        return new ExplorationReport(Classify(message), iterations, message, engine.ReproducibleTrace ?? string.Empty, stopwatch.Elapsed);
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
