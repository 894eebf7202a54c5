namespace Interleave.Cli.Measurement;

/// <summary>The outcome of <see cref="StressRun.Run"/>.</summary>
/// <param name="Runs">Runs made, including the failing one.</param>
/// <param name="Failure">How the last run failed; null when every run passed.</param>
/// <param name="Elapsed">Wall-clock time of all runs.</param>
public sealed record StressResult(int Runs, string? Failure, TimeSpan Elapsed)
{
    /// <summary>True when a run failed.</summary>
    public bool BugFound => Failure is not null;
}
