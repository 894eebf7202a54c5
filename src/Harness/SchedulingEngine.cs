namespace Interleave.Harness;

/// <summary>Which scheduler runs a test's schedules.</summary>
public enum SchedulingEngine
{
    /// <summary>
    /// Microsoft Coyote's <c>TestingEngine</c>: the reference, what <c>coyote test</c> runs, and the only engine
    /// for assemblies rewritten by <c>coyote rewrite</c>. The default.
    /// </summary>
    Coyote,

    /// <summary>
    /// Interleave's own scheduler: the same scheduling points, virtual time, deadlock and hang detection for
    /// tests on Interleave's primitives and <c>ControlledTask</c>, on reused threads instead of a thread per
    /// operation. It refuses rewritten assemblies.
    /// </summary>
    Native,
}
