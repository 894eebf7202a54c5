namespace Interleave.Harness;

/// <summary>What each <see cref="Verdict"/> means for a run.</summary>
public static class Verdicts
{
    /// <summary>True for the verdicts that are bugs found; false for <see cref="Verdict.NoBug"/> and <see cref="Verdict.Uncontrolled"/>.</summary>
    /// <param name="verdict">The verdict.</param>
    public static bool IsBug(this Verdict verdict) => verdict switch
    {
        Verdict.NoBug or Verdict.Uncontrolled => false,
        Verdict.AssertionFailure or Verdict.UnhandledException or Verdict.Deadlock or Verdict.Hang or Verdict.DataRace or Verdict.AtomicityViolation => true,
    };

    /// <summary>
    /// True when the verdict is what a test known to be buggy (or correct) should get: a bug, or no bug. An
    /// <see cref="Verdict.Uncontrolled"/> test meets neither expectation: it could not be judged.
    /// </summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="expectedBug">Whether the test is known to be buggy.</param>
    public static bool Meets(this Verdict verdict, bool expectedBug) => verdict != Verdict.Uncontrolled && verdict.IsBug() == expectedBug;
}
