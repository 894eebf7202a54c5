using Interleave.Harness;

namespace Interleave.Cli.Measurement;

/// <summary>What <see cref="Throughput.Measure(Func{Task}, int, uint, int, int)"/> measured: medians over its rounds, all from one process.</summary>
/// <param name="BareEngine">Schedules per second of a bare Coyote <c>TestingEngine</c>.</param>
/// <param name="Harness">Schedules per second of <see cref="Explorer"/> on one engine, with race checks.</param>
/// <param name="HarnessWithoutRaceChecks">The same with <see cref="ExplorationOptions.Races"/> off.</param>
/// <param name="HarnessParallel">The same as <paramref name="Harness"/> with <paramref name="ParallelEngines"/> engines side by side.</param>
/// <param name="ParallelEngines">How many engines ran side by side for <paramref name="HarnessParallel"/>.</param>
/// <param name="BareEngineSteps">Scheduling steps per second of the bare engine.</param>
/// <param name="HarnessSteps">Scheduling steps per second of the harness on one engine.</param>
public sealed record ThroughputResult(
    double BareEngine,
    double Harness,
    double HarnessWithoutRaceChecks,
    double HarnessParallel,
    int ParallelEngines,
    double BareEngineSteps,
    double HarnessSteps)
{
    /// <summary>
    /// Schedules per second of <c>interleave test -p N</c> on one test: <see cref="ParallelEngines"/> engine
    /// processes, one per processor, process start included; NaN when not measured (a test the command line cannot name).
    /// </summary>
    public double HarnessInProcesses { get; init; } = double.NaN;

    /// <summary>
    /// Schedules per second of <c>interleave test -p 1</c> on one test, process start included: the baseline of
    /// <see cref="HarnessInProcesses"/>, since both pay a cold start; NaN when not measured.
    /// </summary>
    public double HarnessInOneProcess { get; init; } = double.NaN;

    /// <summary>Schedules per second of the harness on the native engine (random strategy, race checks on); NaN when not measured.</summary>
    public double Native { get; init; } = double.NaN;

    /// <summary>Scheduling steps per second of the harness on the native engine; its inverse is the cost of a step.</summary>
    public double NativeSteps { get; init; } = double.NaN;
}
