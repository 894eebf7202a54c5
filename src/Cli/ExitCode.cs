namespace Interleave.Cli;

/// <summary>The process exit codes of the <c>interleave</c> command, the same as Coyote's <c>coyote test</c>.</summary>
public static class ExitCode
{
    /// <summary>No bug found (or, for the built-in run, every scenario behaved as expected).</summary>
    public const int Ok = 0;

    /// <summary>
    /// The command line or its inputs were wrong (a missing assembly, an unknown method, a bad trace), or a test
    /// escaped the scheduler's control (<see cref="Harness.Verdict.Uncontrolled"/>) and cannot be judged.
    /// </summary>
    public const int UsageError = 1;

    /// <summary>A bug was found (or a replay reproduced it).</summary>
    public const int BugFound = 2;

    /// <summary>Interleave itself failed.</summary>
    public const int InternalError = 3;
}
