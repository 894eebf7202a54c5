using Interleave.Harness;
using Interleave.Harness.Findings;
using Interleave.Harness.Shrinking;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Tests.Systematic.Shrinking;

/// <summary>What counts as the same bug when a shorter schedule is a candidate: the same racing lines, the same assertion up to its numbers.</summary>
public sealed class SameBugTests
{
    private static FindingStep Access(string file, int line, int number) =>
        new(number, new PrimitiveEvent(PrimitiveKind.Shared, "balance", PrimitiveOperation.Write, OperationOutcome.Completed, new TaskIdentity(number, "T" + number), 0, TaskIdentity.None, file, line));

    private static DataRaceFinding Race(string cell, FindingStep earlier, FindingStep later) => new(cell, earlier, later, null, null, "race");

    [Fact]
    public void DataRace_SameLinesInTheOtherOrder_IsTheSameBug()
    {
        var original = Race("balance", Access("Bank.cs", 10, 3), Access("Bank.cs", 20, 7));
        var candidate = Race("balance", Access("Bank.cs", 20, 2), Access("Bank.cs", 10, 5));

        Assert.True(SameBug.Holds(original, candidate));
    }

    [Fact]
    public void DataRace_AnotherLineOrCell_IsAnotherBug()
    {
        var original = Race("balance", Access("Bank.cs", 10, 3), Access("Bank.cs", 20, 7));

        Assert.False(SameBug.Holds(original, Race("balance", Access("Bank.cs", 10, 3), Access("Bank.cs", 30, 7))));
        Assert.False(SameBug.Holds(original, Race("total", Access("Bank.cs", 10, 3), Access("Bank.cs", 20, 7))));
    }
}
