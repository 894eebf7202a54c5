using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.SampleTests;

/// <summary>
/// A test whose costly set-up is shared by every schedule, as Coyote's hooks allow: <c>[TestInit]</c> opens
/// the box office once, <c>[TestIterationDispose]</c> restocks its one seat after each schedule, and
/// <c>[TestDispose]</c> closes it. Without the hooks the test fails: the office is closed, or the seat
/// sold in the previous schedule is gone.
/// </summary>
/// <remarks>Hooks are per assembly (Coyote allows one of each), so they run around every test of this assembly.</remarks>
public static class SeasonTicketTests
{
    private static BoxOffice? s_office;

    /// <summary>How many times <see cref="OpenBoxOffice"/> ran.</summary>
    public static int Openings { get; private set; }

    /// <summary>How many times <see cref="Restock"/> ran.</summary>
    public static int Restocks { get; private set; }

    /// <summary>How many times <see cref="CloseBoxOffice"/> ran.</summary>
    public static int Closings { get; private set; }

    /// <summary>Before the first schedule: opens the box office.</summary>
    [TestInit]
    public static void OpenBoxOffice()
    {
        s_office = new BoxOffice();
        Openings++;
    }

    /// <summary>After each schedule: puts the seat back on sale.</summary>
    [TestIterationDispose]
    public static void Restock()
    {
        s_office?.Restock();
        Restocks++;
    }

    /// <summary>After the last schedule: closes the box office.</summary>
    [TestDispose]
    public static void CloseBoxOffice()
    {
        s_office = null;
        Closings++;
    }

    /// <summary>Correct: two buyers race for the season's last seat under the office's lock; one gets it.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static async Task SellLastSeatOfTheSeason()
    {
        var office = s_office ?? throw new InvalidOperationException("The box office is closed: its [TestInit] method did not run.");
        await Task.WhenAll(
            ControlledTask.Run(office.BuyAsync, "Ann"),
            ControlledTask.Run(office.BuyAsync, "Ben"));
        Specification.Assert(office.Sold == 1, $"Expected one ticket sold, not {office.Sold}: was the seat restocked after the last schedule?");
    }

    private sealed class BoxOffice
    {
        private readonly AsyncLock _lock = new("season-box-office");
        private int _free = 1;

        public int Sold { get; private set; }

        public void Restock() => (_free, Sold) = (1, 0);

        public async Task BuyAsync()
        {
            using (await _lock.AcquireAsync())
            {
                if (_free > 0)
                {
                    await ControlledTask.Yield(); // the payment
                    _free--;
                    Sold++;
                }
            }
        }
    }
}
