using Interleave.Primitives;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.SampleTests;

/// <summary>
/// Two buyers race for the last seat of a show. Run them with
/// <c>interleave test Interleave.SampleTests.dll</c>: the first test oversells, the others never do.
/// </summary>
public static class TicketSaleTests
{
    /// <summary>Buggy: each buyer checks for a free seat, awaits the payment, then takes the seat, with no lock.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static async Task OversellWithoutLock()
    {
        var show = new Show(seats: 1);
        await Task.WhenAll(
            ControlledTask.Run(show.BuyWithoutLockAsync, "Ann"),
            ControlledTask.Run(show.BuyWithoutLockAsync, "Ben"));
        Specification.Assert(show.Sold <= 1, $"Oversold: {show.Sold} tickets for 1 seat.");
    }

    /// <summary>Correct: the check, the payment and the taking of the seat run under one lock.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static async Task SellUnderLock()
    {
        var show = new Show(seats: 1);
        await Task.WhenAll(
            ControlledTask.Run(show.BuyUnderLockAsync, "Ann"),
            ControlledTask.Run(show.BuyUnderLockAsync, "Ben"));
        Specification.Assert(show.Sold == 1, $"Expected one ticket sold, not {show.Sold}.");
    }

    /// <summary>Correct, taking Coyote's runtime as <c>coyote test</c> allows: the seat is guarded by a semaphore of one.</summary>
    /// <param name="runtime">The Coyote runtime of the current schedule.</param>
    /// <returns>The test.</returns>
    [Test]
    public static async Task SellUnderSemaphore(ICoyoteRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var show = new Show(seats: 1);
        await Task.WhenAll(
            ControlledTask.Run(show.BuyUnderSemaphoreAsync, "Ann"),
            ControlledTask.Run(show.BuyUnderSemaphoreAsync, "Ben"));
        runtime.Assert(show.Sold == 1, $"Expected one ticket sold, not {show.Sold}.");
    }

    private sealed class Show(int seats)
    {
        private readonly AsyncLock _lock = new("box-office");
        private readonly AsyncSemaphore _semaphore = new(1, "box-office-semaphore");
        private int _free = seats;

        public int Sold { get; private set; }

        public async Task BuyWithoutLockAsync()
        {
            if (_free > 0)
            {
                await ControlledTask.Yield(); // the payment
                _free--;
                Sold++;
            }
        }

        public async Task BuyUnderLockAsync()
        {
            using (await _lock.AcquireAsync())
            {
                await BuyWithoutLockAsync();
            }
        }

        public async Task BuyUnderSemaphoreAsync()
        {
            using (await _semaphore.AcquireAsync())
            {
                await BuyWithoutLockAsync();
            }
        }
    }
}
