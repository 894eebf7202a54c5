using Interleave.Primitives;
using Kind = Interleave.Tests.Property.Linearizability.QueueOperationKind;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// Generated queue programs (deadlock-free ones, or any when waits have timeouts), and how to perform their
/// operations on a real queue.
/// </summary>
internal static class QueuePrograms
{
    private const int MaxOperationsPerTask = 4;
    private static readonly QueueOperation ReadCount = new(Kind.Count, 0);

    /// <summary>
    /// Decodes 2-4 tasks of 1-4 operations from FsCheck's numbers: <paramref name="shape"/> picks the number
    /// of tasks; each code picks a task and an operation (a task with no code reads <c>Count</c>). Task t puts
    /// the items 10t, 10t + 1, ..., so every item is distinct. At the end the main task reads <c>Count</c>,
    /// which shows any item lost or made up. Such a program may deadlock: see <see cref="Generate"/>.
    /// </summary>
    /// <param name="shape">Picks the number of tasks.</param>
    /// <param name="codes">One operation each.</param>
    /// <returns>The program.</returns>
    public static ConcurrentProgram<QueueOperation> Decode(byte shape, int[] codes)
    {
        var taskCount = 2 + (shape % 3);
        var tasks = Enumerable.Range(0, taskCount).Select(_ => new List<QueueOperation>()).ToList();
        foreach (var code in codes)
        {
            var value = code & int.MaxValue;
            var task = tasks[value % taskCount];
            if (task.Count < MaxOperationsPerTask)
            {
                var number = (value % taskCount) + 1;
                task.Add(new QueueOperation(KindOf(value / taskCount), (10 * number) + task.Count));
            }
        }

        foreach (var task in tasks.Where(task => task.Count == 0))
        {
            task.Add(ReadCount);
        }

        return new ConcurrentProgram<QueueOperation>(tasks, [ReadCount]);
    }

    /// <summary>
    /// <see cref="Decode"/>s a program, then, while <see cref="ModelDeadlockSearch"/> finds an interleaving
    /// where the model gets stuck, turns the waiting operation of the first stuck task there into its
    /// non-waiting form (<c>TryPut</c>, <c>TryGet</c>). Each step removes a waiting operation, so this ends,
    /// with a program no correct queue can deadlock in.
    /// </summary>
    /// <param name="shape">Picks the number of tasks.</param>
    /// <param name="codes">One operation each.</param>
    /// <param name="specification">The model of the queue the program will run on.</param>
    /// <returns>The program.</returns>
    public static ConcurrentProgram<QueueOperation> Generate(byte shape, int[] codes, QueueSpecification specification)
    {
        var decoded = Decode(shape, codes);
        var tasks = decoded.Tasks.Select(task => task.ToList()).ToList();
        while (ModelDeadlockSearch.FindStuckPoint(new ConcurrentProgram<QueueOperation>(tasks), specification) is { } stuck)
        {
            var stuckTask = Enumerable.Range(0, tasks.Count).First(task => stuck[task] < tasks[task].Count);
            var waiting = tasks[stuckTask][stuck[stuckTask]];
            tasks[stuckTask][stuck[stuckTask]] = waiting with { Kind = waiting.Kind == Kind.Put ? Kind.TryPut : Kind.TryGet };
        }

        return decoded with { Tasks = tasks };
    }

    /// <summary>How to perform an operation on <paramref name="queue"/>, and the result the caller observes.</summary>
    /// <param name="queue">The queue.</param>
    /// <param name="timeouts">
    /// Give each <c>PutAsync</c> and <c>GetAsync</c> a timeout of <see cref="LinearizabilityExploration.Timeout"/>
    /// virtual time; one that times out returns <see cref="LinearizabilityExploration.Cancelled"/>.
    /// </param>
    /// <returns>The operation's performer.</returns>
    public static Func<QueueOperation, Task<string>> Perform(AsyncQueue<int> queue, bool timeouts = false) => async operation =>
    {
        using var timeout = timeouts && operation.Blocks ? LinearizabilityExploration.StartTimeout() : null;
        var token = timeout?.Token ?? CancellationToken.None;
        try
        {
            switch (operation.Kind)
            {
                case Kind.Put:
                    await queue.PutAsync(operation.Item, token);
                    return QueueSpecification.Accepted;
                case Kind.TryPut:
                    return queue.TryPut(operation.Item) ? QueueSpecification.Accepted : QueueSpecification.Refused;
                case Kind.Get:
                    return QueueSpecification.Text(await queue.GetAsync(token));
                case Kind.TryGet:
                    return queue.TryGet(out var item) ? QueueSpecification.Text(item) : QueueSpecification.Nothing;
                default:
                    return QueueSpecification.Text(queue.Count);
            }
        }
        catch (OperationCanceledException) when (timeout is not null)
        {
            return LinearizabilityExploration.Cancelled;
        }
    };

    // The waiting forms twice as often as the others: they make tasks hand items and room to each other,
    // and the deadlock repair weakens some of them.
    private static Kind KindOf(int code) => (code % 7) switch
    {
        < 2 => Kind.Put,
        < 4 => Kind.Get,
        4 => Kind.TryPut,
        5 => Kind.TryGet,
        _ => Kind.Count,
    };
}
