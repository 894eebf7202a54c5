using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Bench.TimeToBug;

/// <summary>
/// A bug in the order a uniform random walk all but never samples: a short task's one step after every
/// step of a long one (the motivating shape of SURW, Zhao et al., ASPLOS 2025). A service's status board
/// starts "starting"; its worker beats twenty-five times, each beat marking it "up" under the board's lock;
/// a health check, started beside it, probed once before any beat arrived and marks it "down". When the
/// check's one write lands after the last beat, the board says "down" for a service that is alive.
/// </summary>
/// <remarks>
/// A uniform random walk gives the check its turn with probability one half at every step while both run,
/// so it almost always writes early, long before the last beat: the bug needs the check to wait through
/// all seventy-five of the worker's steps. Weighing each task by the steps it has left, as the selectively
/// uniform walk does, puts the check's write at a uniformly random place among the beats, and after the last
/// one once in about twenty-six schedules. A priority-based strategy finds it whenever the worker draws the
/// higher priority. Run it with <c>interleave time-to-bug Interleave.Bench.TimeToBug.dll -m StatusBoard</c>.
/// </remarks>
public static class StatusBoard
{
    private const int Beats = 25;

    /// <summary>Buggy: the check writes "down" from what its probe saw, whatever beats came since.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task DownWrittenBlind() => RunAsync(lookAgain: false);

    /// <summary>Correct: the check writes "down" only if, under the lock, no beat has come yet.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task DownWrittenIfNoBeat() => RunAsync(lookAgain: true);

    private static async Task RunAsync(bool lookAgain)
    {
        var board = new AsyncLock("board");
        var status = new Shared<string>("starting", "status");
        var beats = new Shared<int>(0, "beats");
        await Task.WhenAll(
            ControlledTask.Run(() => WorkAsync(board, status, beats), "Worker"),
            ControlledTask.Run(() => CheckAsync(board, status, beats, lookAgain), "HealthCheck"));

        var final = status.Read();
        Specification.Assert(
            final == "up",
            $"The board says '{final}' after {Beats} beats: the health check wrote what its first probe saw after the worker's last beat.");
    }

    private static async Task WorkAsync(AsyncLock board, Shared<string> status, Shared<int> beats)
    {
        for (var beat = 0; beat < Beats; beat++)
        {
            using (await board.AcquireAsync())
            {
                beats.Write(beats.Read() + 1);
                status.Write("up");
            }
        }
    }

    private static async Task CheckAsync(AsyncLock board, Shared<string> status, Shared<int> beats, bool lookAgain)
    {
        // The probe ran before the worker's first beat: the check believes the service is down.
        using (await board.AcquireAsync())
        {
            if (!lookAgain || beats.Read() == 0)
            {
                status.Write("down");
            }
        }
    }
}
