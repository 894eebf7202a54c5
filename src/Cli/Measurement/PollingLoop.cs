using Interleave.Primitives;

namespace Interleave.Cli.Measurement;

/// <summary>
/// The workload of <see cref="HangCost"/>: a program that never ends and never blocks, so every schedule of it
/// runs to the step bound and is a hang. A supervisor polls a flag every virtual millisecond while a worker
/// waits a virtual millisecond a turn and never sets it; each wait is a timer of the virtual clock.
/// </summary>
internal static class PollingLoop
{
    /// <summary>The supervisor, the worker it starts, and (on the clock) the pump that fires their timers.</summary>
    internal static async Task NeverEndingAsync()
    {
        var done = new Shared<bool>(false, "done");
        var worker = ControlledTask.Run(
            async () =>
            {
                while (true)
                {
                    await ControlledTask.Delay(TimeSpan.FromMilliseconds(1));
                }
            },
            "worker");
        while (!done.Read())
        {
            await ControlledTask.Delay(TimeSpan.FromMilliseconds(1));
        }

        await worker;
    }
}
