namespace Interleave.Tests.Property.Linearizability;

/// <summary>One queue operation of a generated program.</summary>
/// <param name="Kind">What is called.</param>
/// <param name="Item">The item a put puts; unused by the other kinds.</param>
internal sealed record QueueOperation(QueueOperationKind Kind, int Item)
{
    /// <summary>True for the operations that may wait: <c>PutAsync</c> and <c>GetAsync</c>.</summary>
    public bool Blocks => Kind is QueueOperationKind.Put or QueueOperationKind.Get;

    /// <summary>True for the operations that add an item.</summary>
    public bool Adds => Kind is QueueOperationKind.Put or QueueOperationKind.TryPut;

    /// <summary>True for the operations that take an item.</summary>
    public bool Takes => Kind is QueueOperationKind.Get or QueueOperationKind.TryGet;

    /// <inheritdoc/>
    public override string ToString() => Adds ? $"{Kind}({Item})" : Kind.ToString();
}
