using Xunit;
using Kind = Interleave.Tests.Property.Linearizability.QueueOperationKind;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// The deadlock search on the model finds the interleaving that gets a program stuck, and clears programs
/// that cannot get stuck; and every generated program is one it clears, so a Deadlock verdict in the
/// linearizability properties can only be a bug of the primitive.
/// </summary>
public class ModelDeadlockSearchTests
{
    private static readonly QueueOperation Get = new(Kind.Get, 0);

    [Fact]
    public void TwoGettersOnAnEmptyQueue_StuckAtTheirGets() =>
        AssertStuckAt([0, 0], ModelDeadlockSearch.FindStuckPoint(Program([Get], [Get]), new QueueSpecification(0, QueueDiscipline.Fifo)));

    [Fact]
    public void GetterAndPutter_NeverStuck() =>
        Assert.Null(ModelDeadlockSearch.FindStuckPoint(Program([Get], [new QueueOperation(Kind.Put, 1)]), new QueueSpecification(0, QueueDiscipline.Fifo)));

    [Fact]
    public void TwoGettersOnePut_StuckOnlyInSomeInterleavings_Found() =>
        Assert.NotNull(ModelDeadlockSearch.FindStuckPoint(
            Program([Get], [Get], [new QueueOperation(Kind.Put, 1)]), new QueueSpecification(0, QueueDiscipline.Fifo)));

    [Fact]
    public void SecondPutOnAFullQueue_StuckThere() =>
        AssertStuckAt([1], ModelDeadlockSearch.FindStuckPoint(
            Program([new QueueOperation(Kind.Put, 1), new QueueOperation(Kind.Put, 2)]), new QueueSpecification(1, QueueDiscipline.Fifo)));

    [Fact]
    public void TaskAcquiringTwiceWithOnePermit_StuckAtTheSecondAcquire() =>
        AssertStuckAt([1, 1], ModelDeadlockSearch.FindStuckPoint(
            Program([SemaphoreOperation.Acquire, SemaphoreOperation.Acquire], [SemaphoreOperation.Count]), new SemaphoreSpecification(1, bound: null)));

    [Fact]
    public void ClearThenWait_StuckWhenTheSetCameFirst() =>
        AssertStuckAt([1, 1], ModelDeadlockSearch.FindStuckPoint(
            Program([EventOperation.Clear, EventOperation.Wait], [EventOperation.Set]), new EventSpecification()));

    [ScaledProperty(100)]
    public void GeneratedQueuePrograms_NeverStuck(byte shape, int[] codes)
    {
        foreach (var discipline in Enum.GetValues<QueueDiscipline>())
        {
            var specification = new QueueSpecification(shape / 3 % 3, discipline);
            var program = QueuePrograms.Generate(shape, codes ?? [], specification);

            Assert.InRange(program.Tasks.Count, 2, 4);
            Assert.All(program.Tasks, task => Assert.InRange(task.Count, 1, 4));
            Assert.Null(ModelDeadlockSearch.FindStuckPoint(program, specification));
        }
    }

    [ScaledProperty(300)]
    public void GeneratedSemaphorePrograms_NeverStuck_EvenWithOnePermitAndABound(byte shape, int[] codes)
    {
        var program = SemaphorePrograms.Generate(shape, codes ?? []);

        Assert.InRange(program.Tasks.Count, 2, 4);
        Assert.Null(ModelDeadlockSearch.FindStuckPoint(program, new SemaphoreSpecification(1, bound: null)));
        Assert.Null(ModelDeadlockSearch.FindStuckPoint(program, new SemaphoreSpecification(1, bound: 1)));
    }

    [ScaledProperty(300)]
    public void GeneratedEventPrograms_NeverStuck(byte shape, int[] codes)
    {
        var program = EventPrograms.Generate(shape, codes ?? []);

        Assert.InRange(program.Tasks.Count, 2, 4);
        Assert.Null(ModelDeadlockSearch.FindStuckPoint(program, new EventSpecification()));
    }

    private static void AssertStuckAt(int[] expected, int[]? stuck)
    {
        Assert.NotNull(stuck);
        Assert.Equal(expected, stuck);
    }

    private static ConcurrentProgram<TOperation> Program<TOperation>(params IReadOnlyList<TOperation>[] tasks) => new(tasks);
}
