using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.DotNetSamples;

/// <summary>
/// Two workers tally their results in an array: into one shared slot, or each into its own. Elements are
/// checked one by one with <c>--observe-fields</c>, so workers on different slots never race.
/// </summary>
public static class TallyTests
{
    private const int Workers = 2;

    /// <summary>Buggy: both workers add into slot 0 (<c>tally[0] += 1</c>); one addition can be lost.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task SharedSlotLosesACount() => TallyAsync(worker => 0);

    /// <summary>Correct: each worker adds into its own slot, and the total is summed after both are done.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task OwnSlotKeepsEveryCount() => TallyAsync(worker => worker);

    private static async Task TallyAsync(Func<int, int> slotOf)
    {
        var tally = new int[Workers];
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(() => tally[slotOf(worker)] += 1)));
        Specification.Assert(tally.Sum() == Workers, $"{Workers} counts tallied as {tally.Sum()}.");
    }
}
