namespace Interleave.Primitives.Instrumentation;

/// <summary>
/// The task an operation belongs to: a number unique in the process and a readable name given to
/// <see cref="ControlledTask.Run(Func{Task}, string?)"/>, or the root of the test.
/// </summary>
/// <param name="Id">Unique id; 0 for the test's root task.</param>
/// <param name="Name">Readable name.</param>
public readonly record struct TaskIdentity(int Id, string Name)
{
    /// <summary>No task: used where an event has no counterpart.</summary>
    public static TaskIdentity None { get; } = new(-1, string.Empty);

    /// <summary>The task that started the test (or any code not started by <see cref="ControlledTask"/>).</summary>
    public static TaskIdentity Root { get; } = new(0, "main");

    /// <inheritdoc/>
    public override string ToString() => Name;
}
