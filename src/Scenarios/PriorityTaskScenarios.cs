using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Scenarios;

/// <summary>
/// The seed's priority queue: jobs come out lowest priority number first, but only among the jobs that
/// are in the queue when a worker takes one. A job that has not arrived yet cannot overtake one taken.
/// </summary>
public static class PriorityTaskScenarios
{
    /// <summary>Buggy: two submitters race a worker, and the test assumes the urgent job is always taken first.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static async Task UrgentFirstAcrossConcurrentSubmitters()
    {
        var queue = new AsyncPriorityQueue<(int Priority, string Job)>(name: "job_queue");
        var taken = new List<(int Priority, string Job)>();
        var low = ControlledTask.Run(async () => await queue.PutAsync((3, "low")), "Submitter-low");
        var urgent = ControlledTask.Run(async () => await queue.PutAsync((1, "urgent")), "Submitter-urgent");
        var worker = ControlledTask.Run(
            async () =>
            {
                for (var i = 0; i < 2; i++)
                {
                    taken.Add(await queue.GetAsync());
                    await ControlledTask.Yield(); // processing
                }
            },
            "Worker-1");
        await Task.WhenAll(low, urgent, worker);

        Specification.Assert(
            taken[0].Job == "urgent",
            $"Worker-1 took '{taken[0].Job}' (priority {taken[0].Priority}) before 'urgent' (priority 1): the urgent job had not arrived yet.");
    }

    /// <summary>Correct: every job is queued before the workers start, so they are taken in priority order.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static async Task UrgentFirstWhenQueuedBeforeWorkers()
    {
        var queue = new AsyncPriorityQueue<(int Priority, string Job)>(name: "job_queue");
        await queue.PutAsync((3, "low"));
        await queue.PutAsync((1, "urgent"));
        await queue.PutAsync((2, "medium"));
        var taken = new List<(int Priority, string Job)>();
        await Task.WhenAll(
            ControlledTask.Run(() => WorkAsync(queue, taken), "Worker-1"),
            ControlledTask.Run(() => WorkAsync(queue, taken), "Worker-2"));

        var order = string.Join(", ", taken.Select(job => job.Job));
        Specification.Assert(order == "urgent, medium, low", $"Jobs were taken in the order {order}, not by priority.");
    }

    private static async Task WorkAsync(AsyncPriorityQueue<(int Priority, string Job)> queue, List<(int Priority, string Job)> taken)
    {
        // The seed's "while not queue.empty(): get()", without the gap between the check and the get.
        while (queue.TryGet(out var job))
        {
            taken.Add(job);
            await ControlledTask.Yield(); // processing
            queue.TaskDone();
        }
    }
}
