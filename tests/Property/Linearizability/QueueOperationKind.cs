namespace Interleave.Tests.Property.Linearizability;

/// <summary>The queue operations a generated program performs.</summary>
internal enum QueueOperationKind
{
    /// <summary><c>PutAsync</c>: waits while the queue is full.</summary>
    Put,

    /// <summary><c>TryPut</c>: refused while the queue is full.</summary>
    TryPut,

    /// <summary><c>GetAsync</c>: waits while the queue is empty.</summary>
    Get,

    /// <summary><c>TryGet</c>: finds nothing while the queue is empty.</summary>
    TryGet,

    /// <summary>Reads <c>Count</c>.</summary>
    Count,
}
