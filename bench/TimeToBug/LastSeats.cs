using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Bench.TimeToBug;

/// <summary>
/// A bug that needs one preemption at one point of a long schedule. Three sellers share the last two seats
/// of a show: two online shops, each going through ten steps (its session lock, its log) before it takes a
/// seat under the seats lock, and the box office, which checks under the lock that a seat is free, lets the
/// lock go to record the card payment on its till, and takes the seat afterwards without checking again.
/// The show is oversold only if the box office is preempted between its check and its taking, and both
/// shops take their seats before it resumes: the shops' remaining steps all fall in that one gap.
/// </summary>
/// <remarks>
/// Every await here completes at once (a free lock, a put into an unbounded queue), so no task ever gives
/// way of its own accord and every switch between runnable tasks is a preemption. Without one, the box
/// office runs from its check to its taking uninterrupted; with one at that point (run the box office to
/// its check, switch once, let the shops run to their ends) the bug shows. A uniform random walk rarely
/// leaves a runnable task waiting that long (while all three run, the box office is chosen again with
/// probability 1/3 at each step); a priority-based strategy needs one priority change at the right step.
/// Run it with <c>interleave time-to-bug Interleave.Bench.TimeToBug.dll -m LastSeats.CheckedThenTakenLater</c>.
/// </remarks>
public static class LastSeats
{
    private const int Seats = 2;

    // The awaits of each online shop before it takes its seat (its tenth).
    private const int ShopSteps = 9;

    // The box office's awaits before its check, and after it has sold its ticket: ten in all with the
    // check, the payment and the taking.
    private const int BoxOfficeStepsBefore = 2;
    private const int BoxOfficeStepsAfter = 5;

    /// <summary>Buggy: the box office checks for a free seat under the lock, pays outside it, and takes the seat without checking again.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task CheckedThenTakenLater() => SellAsync(checkAgain: false);

    /// <summary>Correct: the box office checks, pays and takes the seat under one hold of the lock.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task CheckedAndTakenUnderOneLock() => SellAsync(checkAgain: true);

    private static async Task SellAsync(bool checkAgain)
    {
        var show = new Show();
        await Task.WhenAll(
            ControlledTask.Run(() => show.BoxOfficeAsync(checkAgain), "BoxOffice"),
            ControlledTask.Run(() => show.ShopAsync("web"), "WebShop"),
            ControlledTask.Run(() => show.ShopAsync("app"), "AppShop"));

        Specification.Assert(
            show.Sold <= Seats,
            $"Oversold: {show.Sold} tickets for {Seats} seats. The box office saw a free seat, let the lock go for the payment, and both shops took theirs before it took one without checking again.");
    }

    private sealed class Show
    {
        private readonly AsyncLock _seats = new("seats");
        private int _free = Seats;

        public int Sold { get; private set; }

        public async Task BoxOfficeAsync(bool checkAgain)
        {
            var till = new AsyncQueue<string>(name: "box-office-till");
            for (var step = 0; step < BoxOfficeStepsBefore; step++)
            {
                await till.PutAsync($"customer {step} queued");
            }

            if (checkAgain)
            {
                using (await _seats.AcquireAsync())
                {
                    if (_free > 0)
                    {
                        await till.PutAsync("card paid");
                        Take();
                    }
                }
            }
            else
            {
                bool seen;
                using (await _seats.AcquireAsync())
                {
                    seen = _free > 0; // the check
                }

                if (seen)
                {
                    await till.PutAsync("card paid"); // the lock let go: here a preemption lets the shops in
                    using (await _seats.AcquireAsync())
                    {
                        Take(); // the act, on what the check saw
                    }
                }
            }

            for (var step = 0; step < BoxOfficeStepsAfter; step++)
            {
                await till.PutAsync($"ticket {step} printed");
            }
        }

        public async Task ShopAsync(string shop)
        {
            var session = new AsyncLock($"{shop}-session");
            var log = new AsyncQueue<string>(name: $"{shop}-log");
            for (var step = 0; step < ShopSteps; step++)
            {
                if (step % 2 == 0)
                {
                    using (await session.AcquireAsync())
                    {
                        // the basket is updated under the shop's own session
                    }
                }
                else
                {
                    await log.PutAsync($"{shop} step {step}");
                }
            }

            using (await _seats.AcquireAsync())
            {
                if (_free > 0)
                {
                    Take();
                }
            }
        }

        private void Take()
        {
            _free--;
            Sold++;
        }
    }
}
