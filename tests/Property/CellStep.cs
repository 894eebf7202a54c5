namespace Interleave.Tests.Property;

/// <summary>One step of a task in a <see cref="CellProgram"/>.</summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Cell">The cell it reads or increments (its index); unused by the other kinds.</param>
public readonly record struct CellStep(CellStepKind Kind, int Cell)
{
    /// <summary>The step as a program listing shows it: "lock", "unlock", "read x", "inc x" or "y".</summary>
    /// <returns>The step's text.</returns>
    public override string ToString() => Kind switch
    {
        CellStepKind.Acquire => "lock",
        CellStepKind.Release => "unlock",
        CellStepKind.Read => "read " + CellProgram.CellName(Cell),
        CellStepKind.Increment => "inc " + CellProgram.CellName(Cell),
        _ => "y",
    };
}
