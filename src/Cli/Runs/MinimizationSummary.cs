using Interleave.Harness;

namespace Interleave.Cli.Runs;

/// <summary>A <see cref="Harness.Minimization"/> as the run summary's JSON writes it, without the original trace (a file of its own).</summary>
/// <param name="OriginalSteps">The steps of the schedule the exploration found.</param>
/// <param name="OriginalPreemptions">Its preemptions; null when Coyote's engine found it.</param>
/// <param name="Steps">The steps of the reported schedule.</param>
/// <param name="Preemptions">Its preemptions; null when it is the original found by Coyote's engine.</param>
/// <param name="Replaced">True when the reported schedule is another than the one found.</param>
/// <param name="FewestPreemptions">True when no schedule with fewer preemptions shows the bug in as few steps as the original.</param>
/// <param name="FewestSteps">True when none with as many preemptions and fewer steps does.</param>
/// <param name="ElapsedMilliseconds">The minimizer's wall-clock time.</param>
/// <param name="Text">What it achieved, in words.</param>
internal sealed record MinimizationSummary(
    int OriginalSteps,
    int? OriginalPreemptions,
    int Steps,
    int? Preemptions,
    bool Replaced,
    bool FewestPreemptions,
    bool FewestSteps,
    double ElapsedMilliseconds,
    string Text)
{
    internal static MinimizationSummary Of(Minimization minimization) => new(
        minimization.OriginalSteps,
        minimization.OriginalPreemptions,
        minimization.Steps,
        minimization.Preemptions,
        minimization.Replaced,
        minimization.FewestPreemptions,
        minimization.FewestSteps,
        minimization.Elapsed.TotalMilliseconds,
        minimization.Summary);
}
