namespace Interleave.Tests.Property.Linearizability;

/// <summary>The event operations a generated program performs.</summary>
internal enum EventOperation
{
    /// <summary><c>Set</c>: sets the flag and wakes every waiter.</summary>
    Set,

    /// <summary><c>Clear</c>: clears the flag.</summary>
    Clear,

    /// <summary><c>WaitAsync</c>: waits while the flag is clear.</summary>
    Wait,

    /// <summary>Reads <c>IsSet</c>.</summary>
    IsSet,
}
