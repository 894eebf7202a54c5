namespace Interleave.Primitives.Instrumentation;

/// <summary>What happened to the operation an <see cref="PrimitiveEvent"/> reports.</summary>
public enum OperationOutcome
{
    /// <summary>The operation finished without waiting.</summary>
    Completed,

    /// <summary>The operation could not finish at once; the task now waits.</summary>
    Blocked,

    /// <summary>A task that waited was woken and its operation finished.</summary>
    Resumed,

    /// <summary>The operation was cancelled (its token fired) and took nothing.</summary>
    Cancelled,

    /// <summary>The operation failed with an exception (misuse, a broken barrier, a shut-down queue).</summary>
    Failed,

    /// <summary>A non-waiting attempt (<c>TryPut</c>/<c>TryGet</c>) found nothing to do and returned false.</summary>
    Refused,
}
