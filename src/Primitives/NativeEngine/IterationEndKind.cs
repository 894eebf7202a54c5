namespace Interleave.Primitives.NativeEngine;

/// <summary>Why a native iteration ended.</summary>
internal enum IterationEndKind
{
    /// <summary>Every operation finished.</summary>
    Completed,

    /// <summary>A task failed: an assertion, an unhandled exception, or a finding of the harness's checks.</summary>
    Failed,

    /// <summary>Operations remain, but none can run: every task waits (a deadlock), or awaits work the scheduler does not control.</summary>
    Stalled,

    /// <summary>No step came for a while: a thread is blocked outside the scheduler's control.</summary>
    NoProgress,

    /// <summary>The step bound was reached with operations still running.</summary>
    StepBoundReached,

    /// <summary>A replayed schedule chose an operation that was not there to choose.</summary>
    Diverged,
}
