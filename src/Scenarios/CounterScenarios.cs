using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Scenarios;

/// <summary>
/// The seed's workers behind a lock: each worker reads a shared counter, does some work, and writes the
/// counter back plus one. Without the lock two workers can read the same value, and one increment is lost.
/// </summary>
public static class CounterScenarios
{
    private const int Workers = 3;

    /// <summary>Buggy: read, await, write with no lock, so two workers can start from the same value.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task UnprotectedIncrement() => RunWorkersAsync(gate: null);

    /// <summary>Correct: the read, the work and the write run under one lock.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task LockedIncrement() => RunWorkersAsync(new AsyncLock("counter_lock"));

    private static async Task RunWorkersAsync(AsyncLock? gate)
    {
        var counter = new Counter();
        await Task.WhenAll(Enumerable.Range(1, Workers).Select(worker =>
            ControlledTask.Run(() => IncrementAsync(counter, gate, worker), $"Worker-{worker}")));

        Specification.Assert(
            counter.Value.Read() == Workers,
            $"{Workers} workers each added one to the counter, but it reads {counter.Value.Read()}: {counter.DescribeLostUpdate()}.");
    }

    private static async Task IncrementAsync(Counter counter, AsyncLock? gate, int worker)
    {
        if (gate is null)
        {
            await IncrementCoreAsync(counter, worker);
            return;
        }

        using (await gate.AcquireAsync())
        {
            await IncrementCoreAsync(counter, worker);
        }
    }

    private static async Task IncrementCoreAsync(Counter counter, int worker)
    {
        var seen = counter.Value.Read();
        counter.ReadBy[worker - 1] = seen;
        await ControlledTask.Yield(); // the seed's "work": asyncio.sleep(work_time)
        counter.Value.Write(seen + 1);
    }

    private sealed class Counter
    {
        public Shared<int> Value { get; } = new(0, "counter");

        public int[] ReadBy { get; } = new int[Workers];

        public string DescribeLostUpdate()
        {
            for (var first = 0; first < Workers; first++)
            {
                for (var second = first + 1; second < Workers; second++)
                {
                    if (ReadBy[first] == ReadBy[second])
                    {
                        return $"Worker-{first + 1} and Worker-{second + 1} both read {ReadBy[first]} and wrote {ReadBy[first] + 1}, so one increment was lost";
                    }
                }
            }

            return "an increment was lost";
        }
    }
}
