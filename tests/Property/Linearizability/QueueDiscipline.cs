namespace Interleave.Tests.Property.Linearizability;

/// <summary>Which item a queue hands out next.</summary>
internal enum QueueDiscipline
{
    /// <summary>The oldest (<c>AsyncQueue</c>).</summary>
    Fifo,

    /// <summary>The newest (<c>AsyncLifoQueue</c>).</summary>
    Lifo,

    /// <summary>The smallest priority, the oldest among equal priorities (<c>AsyncPriorityQueue</c>).</summary>
    Priority,
}
