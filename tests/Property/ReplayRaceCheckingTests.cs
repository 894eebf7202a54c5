using Interleave.Harness;
using Xunit;

namespace Interleave.Tests.Property;

/// <summary>
/// A trace recorded with races off or as warnings replays to the failure it recorded, not to a data race.
/// </summary>
/// <remarks>
/// Regression (found by <see cref="ReplayDeterminismProperties"/>): traces did not record
/// <see cref="ExplorationOptions.Races"/>, so a replay ran with races failing and stopped at the race that
/// precedes every lost update. The trace now stores the setting and the replay uses it.
/// </remarks>
public class ReplayRaceCheckingTests
{
    [Theory]
    [InlineData(RaceChecking.Off)]
    [InlineData(RaceChecking.Warn)]
    public void LostUpdateFoundWithRacesNotFailing_Replays_ToTheSameAssertionFailure(RaceChecking races)
    {
        var program = new CellProgram(1, [[new CellStep(CellStepKind.Increment, 0)], [new CellStep(CellStepKind.Increment, 0)]]);
        var found = Explorer.Run(program.RunAsync, new ExplorationOptions { Iterations = 100, Seed = 1, Races = races, TestName = "Property.LostUpdate" });
        Assert.Equal(Verdict.AssertionFailure, found.Verdict);

        var replayed = Explorer.Replay(program.RunAsync, found.Trace, "Property.LostUpdate");

        Assert.Equal(Verdict.AssertionFailure, replayed.Verdict);
        Assert.Equal(found.Account, replayed.Account);
    }
}
