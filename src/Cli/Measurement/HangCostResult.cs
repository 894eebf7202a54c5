using Interleave.Harness;

namespace Interleave.Cli.Measurement;

/// <summary>What <see cref="HangCost.Measure"/> measured: one schedule of the polling loop run to its hang.</summary>
/// <param name="Engine">The engine that ran it.</param>
/// <param name="MaxSteps">The step bound it ran at (<see cref="ExplorationOptions.MaxSteps"/>).</param>
/// <param name="Steps">The scheduling steps it took to be a hang.</param>
/// <param name="Elapsed">Its wall-clock time.</param>
internal sealed record HangCostResult(SchedulingEngine Engine, int MaxSteps, long Steps, TimeSpan Elapsed)
{
    /// <summary>Microseconds of wall-clock time per scheduling step.</summary>
    internal double MicrosecondsPerStep => Elapsed.TotalMicroseconds / Steps;
}
