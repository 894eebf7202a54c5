using System.Collections.Immutable;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>The items in a model queue, oldest first, with value equality so the checker can memoise on it.</summary>
/// <param name="Items">The items, in the order they were put.</param>
internal sealed record QueueContents(ImmutableList<int> Items)
{
    /// <summary>An empty queue.</summary>
    public static QueueContents Empty { get; } = new(ImmutableList<int>.Empty);

    /// <inheritdoc/>
    public bool Equals(QueueContents? other) => other is not null && Items.SequenceEqual(other.Items);

    /// <inheritdoc/>
    public override int GetHashCode() => Items.Aggregate(17, HashCode.Combine);

    /// <inheritdoc/>
    public override string ToString() => $"[{string.Join(", ", Items)}]";
}
