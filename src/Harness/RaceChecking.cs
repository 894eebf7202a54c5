namespace Interleave.Harness;

/// <summary>
/// What to do with a data race or an atomicity violation on a <c>Shared&lt;T&gt;</c> cell
/// (<see cref="ExplorationOptions.Races"/>).
/// </summary>
public enum RaceChecking
{
    /// <summary>
    /// Fail the schedule at the access that completes the finding: verdict <see cref="Verdict.DataRace"/> or
    /// <see cref="Verdict.AtomicityViolation"/>.
    /// </summary>
    Fail,

    /// <summary>Note the finding in <see cref="ExplorationReport.RaceWarnings"/> and let the schedule go on.</summary>
    Warn,

    /// <summary>Do not check: races are left to the test's own assertions.</summary>
    Off,
}
