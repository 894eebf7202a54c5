using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Scenarios;

/// <summary>
/// The seed's consumer with <c>wait_for(queue.get(), timeout)</c>: a producer puts two items, each after
/// a short delay, then shuts the queue down; a consumer takes items with a timeout on every get (virtual
/// time under test, so the scheduler explores the item arriving in time and too late). A timeout only
/// means the producer is slow; treating it as "no more items" loses the items still to come.
/// </summary>
public static class TimeoutScenarios
{
    private const int Items = 2;
    private static readonly TimeSpan ProductionTime = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GetTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Buggy: the consumer stops at its first timeout, as in the seed, assuming items always arrive in time.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task StopAtFirstTimeout() => RunAsync(keepWaitingAfterTimeout: false);

    /// <summary>Correct: after a timeout the consumer keeps waiting; only the queue's shutdown ends it.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task StopAtShutdown() => RunAsync(keepWaitingAfterTimeout: true);

    private static async Task RunAsync(bool keepWaitingAfterTimeout)
    {
        var queue = new AsyncQueue<string>(name: "item_queue");
        var consumed = new List<string>();
        var producer = ControlledTask.Run(
            async () =>
            {
                for (var i = 0; i < Items; i++)
                {
                    await ControlledTask.Delay(ProductionTime);
                    await queue.PutAsync($"Producer-A-item-{i}");
                }

                queue.Shutdown(); // no more items: waiting getters get QueueShutDownException once it is empty
            },
            "Producer-A");
        var consumer = ControlledTask.Run(
            async () =>
            {
                while (true)
                {
                    try
                    {
                        consumed.Add(await NextItemAsync(queue, keepWaitingAfterTimeout));
                    }
                    catch (OperationCanceledException)
                    {
                        return; // Bug: "timed out, stopping" while the producer is still producing.
                    }
                    catch (QueueShutDownException)
                    {
                        return; // the producer is done and every item was taken
                    }

                    await ControlledTask.Yield(); // processing
                    queue.TaskDone();
                }
            },
            "Consumer-1");
        await Task.WhenAll(producer, consumer);

        Specification.Assert(
            consumed.Count == Items,
            $"Consumer-1 timed out and stopped after {consumed.Count} of {Items} items; {queue.Count} left unconsumed in the queue.");
    }

    private static async Task<string> NextItemAsync(AsyncQueue<string> queue, bool keepWaitingAfterTimeout)
    {
        using var timeout = new CancellationTokenSource(GetTimeout, ControlledTask.TimeProvider);
        try
        {
            return await queue.GetAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (keepWaitingAfterTimeout)
        {
            // The producer is slow, not finished (the timed-out get took nothing): wait on, without a deadline,
            // rather than retrying with timeouts, which a schedule that starves the producer could repeat forever.
            return await queue.GetAsync();
        }
    }
}
