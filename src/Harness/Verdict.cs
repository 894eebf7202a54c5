namespace Interleave.Harness;

/// <summary>What an exploration found.</summary>
public enum Verdict
{
    /// <summary>Every explored schedule passed.</summary>
    NoBug,

    /// <summary>A schedule failed an assertion (<c>Specification.Assert</c>, an xunit assertion, ...).</summary>
    AssertionFailure,

    /// <summary>A schedule ended with an exception no task handled.</summary>
    UnhandledException,

    /// <summary>A schedule reached a state where every unfinished task waits on another.</summary>
    Deadlock,

    /// <summary>A schedule ran past the step bound: a livelock, an endless loop or a hang.</summary>
    Hang,

    /// <summary>
    /// Two tasks accessed a <c>Shared&lt;T&gt;</c> cell, at least one writing, with no synchronization ordering
    /// them: reported at the second access, whether or not an assertion would have failed later.
    /// </summary>
    DataRace,

    /// <summary>
    /// A task checked a <c>Shared&lt;T&gt;</c> cell, awaited with no lock held, then wrote it, and another
    /// task's write can fall between the check and the write: reported even when, in the schedule explored,
    /// it fell outside and the result came out right.
    /// </summary>
    AtomicityViolation,

    /// <summary>
    /// Not a bug: a schedule stalled on work the scheduler cannot see (a real <c>Task.Run</c>, <c>Task.Delay</c>,
    /// timer, <c>SemaphoreSlim</c>, <c>ConfigureAwait(false)</c>, a blocking wait), so the harness cannot tell
    /// whether the program is correct. An error in the test's use of the harness, never reported as a deadlock or
    /// a hang; <see cref="Findings.UncontrolledFinding"/> says what escaped and what to use instead.
    /// </summary>
    Uncontrolled,
}
