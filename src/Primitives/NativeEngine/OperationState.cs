namespace Interleave.Primitives.NativeEngine;

/// <summary>Where a native operation is in its life.</summary>
internal enum OperationState
{
    /// <summary>Created, not started: it runs when the scheduler chooses it (and its guard, if any, holds).</summary>
    Fresh,

    /// <summary>The one operation running now.</summary>
    Running,

    /// <summary>Stopped at a scheduling point, its thread blocked until the scheduler chooses it again.</summary>
    AtPoint,

    /// <summary>Its callback returned.</summary>
    Done,
}
