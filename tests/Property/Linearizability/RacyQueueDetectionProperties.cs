using Interleave.Harness;
using Interleave.Primitives;
using Xunit;
using Kind = Interleave.Tests.Property.Linearizability.QueueOperationKind;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// The other side: the same recording, checker and exploration catch a queue that is not linearizable. A
/// producer puts 1-4 items while 2-3 consumers each try to get 1-4 times; on <see cref="RacyListQueue"/>,
/// whose gets read and remove the head in two steps, every strategy finds a schedule whose history the
/// checker rejects within the budget (every strategy of both engines), while the real <c>AsyncQueue</c> passes the same program.
/// </summary>
public class RacyQueueDetectionProperties
{
    private static readonly QueueSpecification Fifo = new(0, QueueDiscipline.Fifo);

    [ScaledProperty(20)]
    public void RacyListQueue_ProducerAndConsumers_NotLinearizableFoundByEveryStrategy(byte shape, int[] codes)
    {
        var program = ProducerAndConsumers(shape, codes ?? []);

        LinearizabilityExploration.AssertEveryScheduleLinearizable(program, () => QueuePrograms.Perform(new AsyncQueue<int>()), Fifo);
        foreach (var scheduler in LinearizabilityExploration.Schedulers)
        {
            var report = LinearizabilityExploration.Explore(program, RacyListQueue.Create, Fifo, scheduler, LinearizabilityExploration.SchedulesToFindABug);
            Assert.True(report.Verdict == Verdict.AssertionFailure, $"{scheduler} on {program}: {report}");
            Assert.StartsWith("Not linearizable", report.Message, StringComparison.Ordinal);
        }
    }

    // Task 1 puts 1-4 items; each of 2-3 more tasks tries to get 1-4 times (counts taken from the codes).
    private static ConcurrentProgram<QueueOperation> ProducerAndConsumers(byte shape, int[] codes)
    {
        int Count(int index) => 1 + ((index < codes.Length ? codes[index] & int.MaxValue : index) % 4);
        var producer = Enumerable.Range(0, Count(0)).Select(i => new QueueOperation(Kind.TryPut, 10 + i)).ToList();
        var consumers = Enumerable.Range(1, 2 + (shape % 2))
            .Select(consumer => Enumerable.Repeat(new QueueOperation(Kind.TryGet, 0), Count(consumer)).ToList());
        return new ConcurrentProgram<QueueOperation>([producer, .. consumers]);
    }
}
