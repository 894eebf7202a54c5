namespace Interleave.Tests.Property;

/// <summary>One step of a task in a <see cref="LockProgram"/>.</summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Lock">The lock it acquires or releases (its index); unused by a yield.</param>
public readonly record struct LockStep(LockStepKind Kind, int Lock)
{
    /// <summary>The step as a program listing shows it: "+a", "-a" or "y".</summary>
    /// <returns>The step's text.</returns>
    public override string ToString() => Kind switch
    {
        LockStepKind.Acquire => "+" + LockProgram.LockName(Lock),
        LockStepKind.Release => "-" + LockProgram.LockName(Lock),
        _ => "y",
    };
}
