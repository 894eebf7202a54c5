namespace Interleave.Tests.Property;

/// <summary>What one step of a task in a <see cref="CellProgram"/> does.</summary>
public enum CellStepKind
{
    /// <summary>Takes the program's lock.</summary>
    Acquire,

    /// <summary>Releases the program's lock.</summary>
    Release,

    /// <summary>Reads a cell.</summary>
    Read,

    /// <summary>Reads a cell, then writes back one more: two accesses, with a scheduling point between.</summary>
    Increment,

    /// <summary>Lets other tasks run.</summary>
    Yield,
}
