using Interleave.Primitives;
using Kind = Interleave.Tests.Property.Linearizability.QueueOperationKind;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// Generated queue programs that a correct queue runs without deadlock, and how to perform their operations
/// on a real queue.
/// </summary>
internal static class QueuePrograms
{
    private const int MaxOperationsPerTask = 4;

    /// <summary>
    /// Decodes 2-4 tasks of 1-4 operations from FsCheck's numbers: <paramref name="shape"/> picks the number
    /// of tasks; each code picks a task and an operation (a task with no code reads <c>Count</c>). Task t puts
    /// the items 10t, 10t + 1, ..., so every item is distinct. Then blocking operations that could wait
    /// forever are turned into their non-waiting forms (see <see cref="MakeDeadlockFree"/>).
    /// </summary>
    /// <param name="shape">Picks the number of tasks.</param>
    /// <param name="codes">One operation each.</param>
    /// <param name="capacity">The queue's capacity; 0 for no limit.</param>
    /// <returns>The program.</returns>
    public static ConcurrentProgram<QueueOperation> Generate(byte shape, int[] codes, int capacity)
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
                task.Add(new QueueOperation((Kind)(value / taskCount % 5), (10 * number) + task.Count));
            }
        }

        foreach (var task in tasks.Where(task => task.Count == 0))
        {
            task.Add(new QueueOperation(Kind.Count, 0));
        }

        MakeDeadlockFree(tasks, capacity);
        return new ConcurrentProgram<QueueOperation>(tasks);
    }

    /// <summary>How to perform an operation on <paramref name="queue"/>, and the result the caller observes.</summary>
    public static Func<QueueOperation, Task<string>> Perform(AsyncQueue<int> queue) => async operation =>
    {
        switch (operation.Kind)
        {
            case Kind.Put:
                await queue.PutAsync(operation.Item);
                return QueueSpecification.Accepted;
            case Kind.TryPut:
                return queue.TryPut(operation.Item) ? QueueSpecification.Accepted : QueueSpecification.Refused;
            case Kind.Get:
                return QueueSpecification.Text(await queue.GetAsync());
            case Kind.TryGet:
                return queue.TryGet(out var item) ? QueueSpecification.Text(item) : QueueSpecification.Nothing;
            default:
                return QueueSpecification.Text(queue.Count);
        }
    };

    /// <summary>
    /// Turns the last <c>GetAsync</c> into <c>TryGet</c>, or the last <c>PutAsync</c> into <c>TryPut</c>, until a
    /// correct queue cannot deadlock: until <see cref="GettersAreServed"/> and <see cref="PuttersAreServed"/>.
    /// Each step removes a blocking operation, and with none left both hold, so this ends.
    /// </summary>
    private static void MakeDeadlockFree(List<List<QueueOperation>> tasks, int capacity)
    {
        while (true)
        {
            if (!GettersAreServed(tasks, capacity))
            {
                Weaken(tasks, Kind.Get, Kind.TryGet);
            }
            else if (!PuttersAreServed(tasks, capacity))
            {
                Weaken(tasks, Kind.Put, Kind.TryPut);
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>
    /// No <c>GetAsync</c> waits forever if the puts sure to succeed before any <c>GetAsync</c> of their own task
    /// (<c>PutAsync</c>, and <c>TryPut</c> on an unbounded queue) are at least as many as all gets: were some
    /// getter stuck with every other task done or stuck too, the queue would be empty (getters wait only then,
    /// and putters only when it is full) although those puts all happened and fewer gets took items.
    /// </summary>
    private static bool GettersAreServed(List<List<QueueOperation>> tasks, int capacity)
    {
        var operations = tasks.SelectMany(task => task).ToList();
        if (operations.All(operation => operation.Kind != Kind.Get))
        {
            return true;
        }

        var surePuts = tasks.Sum(task => task
            .TakeWhile(operation => operation.Kind != Kind.Get)
            .Count(operation => operation.Kind == Kind.Put || (operation.Kind == Kind.TryPut && capacity == 0)));
        return surePuts >= operations.Count(operation => operation.Takes);
    }

    /// <summary>
    /// The mirror image on a bounded queue: no <c>PutAsync</c> waits forever if the <c>GetAsync</c>s before any
    /// <c>PutAsync</c> of their own task are at least as many as all puts minus the capacity.
    /// </summary>
    private static bool PuttersAreServed(List<List<QueueOperation>> tasks, int capacity)
    {
        var operations = tasks.SelectMany(task => task).ToList();
        if (capacity == 0 || operations.All(operation => operation.Kind != Kind.Put))
        {
            return true;
        }

        var sureGets = tasks.Sum(task => task.TakeWhile(operation => operation.Kind != Kind.Put).Count(operation => operation.Kind == Kind.Get));
        return sureGets >= operations.Count(operation => operation.Adds) - capacity;
    }

    private static void Weaken(List<List<QueueOperation>> tasks, Kind blocking, Kind nonBlocking)
    {
        for (var task = tasks.Count - 1; task >= 0; task--)
        {
            var index = tasks[task].FindLastIndex(operation => operation.Kind == blocking);
            if (index >= 0)
            {
                tasks[task][index] = tasks[task][index] with { Kind = nonBlocking };
                return;
            }
        }
    }
}
