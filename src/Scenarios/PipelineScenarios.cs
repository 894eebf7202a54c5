using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Scenarios;

/// <summary>
/// The seed's producer/consumer pipeline on a queue: a producer puts jobs, two consumers process them
/// and mark each done with <c>TaskDone</c>, and the main task joins the queue before reading the results.
/// Join only means something if every job is marked done after its result is recorded.
/// </summary>
public static class PipelineScenarios
{
    private const int Jobs = 3;

    /// <summary>Buggy: a consumer marks a job done when it takes it, before processing it, so join returns early.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task TaskDoneBeforeProcessing() => RunPipelineAsync(doneBeforeProcessing: true);

    /// <summary>Correct: a consumer marks a job done only after recording its result.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task TaskDoneAfterProcessing() => RunPipelineAsync(doneBeforeProcessing: false);

    private static async Task RunPipelineAsync(bool doneBeforeProcessing)
    {
        var queue = new AsyncQueue<int>(maxSize: 2, name: "job_queue");
        var processed = Enumerable.Range(0, Jobs).Select(job => new Shared<int>(0, $"processed[{job}]")).ToArray();
        var producer = ControlledTask.Run(
            async () =>
            {
                for (var job = 0; job < Jobs; job++)
                {
                    await queue.PutAsync(job);
                }
            },
            "Producer-A");
        var consumers = new[]
        {
            ControlledTask.Run(() => ConsumeAsync(queue, processed, doneBeforeProcessing), "Consumer-1"),
            ControlledTask.Run(() => ConsumeAsync(queue, processed, doneBeforeProcessing), "Consumer-2"),
        };

        await producer;
        await queue.JoinAsync();
        for (var job = 0; job < Jobs; job++)
        {
            var times = processed[job].Read();
            Specification.Assert(times == 1, $"After join, job {job} had been processed {times} times instead of once.");
        }

        queue.Shutdown();
        await Task.WhenAll(consumers);
    }

    private static async Task ConsumeAsync(AsyncQueue<int> queue, Shared<int>[] processed, bool doneBeforeProcessing)
    {
        while (true)
        {
            int job;
            try
            {
                job = await queue.GetAsync();
            }
            catch (QueueShutDownException)
            {
                return;
            }

            if (doneBeforeProcessing)
            {
                queue.TaskDone(); // Bug: join may now return before the result below is recorded.
                await ControlledTask.Yield(); // processing
                processed[job].Write(processed[job].Read() + 1);
            }
            else
            {
                await ControlledTask.Yield(); // processing
                processed[job].Write(processed[job].Read() + 1);
                queue.TaskDone();
            }
        }
    }
}
