namespace Interleave.Tests.Property;

/// <summary>What one step of a task in a <see cref="LockProgram"/> does.</summary>
public enum LockStepKind
{
    /// <summary>Waits for and takes a lock.</summary>
    Acquire,

    /// <summary>Releases a lock the task holds (the one it took last).</summary>
    Release,

    /// <summary>Lets other tasks run; changes no lock.</summary>
    Yield,
}
