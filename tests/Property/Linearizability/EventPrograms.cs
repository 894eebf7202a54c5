using Interleave.Primitives;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// Generated event programs that a correct event runs without deadlock, and how to perform their operations
/// on a real event.
/// </summary>
internal static class EventPrograms
{
    private const int MaxCodesPerTask = 4;

    /// <summary>
    /// Decodes 2-4 tasks from FsCheck's numbers: <paramref name="shape"/> picks the number of tasks; each code
    /// picks a task and a set, clear, wait or read of <c>IsSet</c>. Then a task that clears sets again before
    /// its next wait and before its end, and if the program waits but no task sets before its own first wait,
    /// task 1 starts with a set. A task with no code reads <c>IsSet</c>, and so does the main task at the end.
    /// </summary>
    /// <remarks>
    /// So no correct event can deadlock: were every task done or waiting with the event clear, the last set
    /// or clear to happen would be a clear (or none at all); the task that cleared sets again before it can
    /// wait, so it did set later, and had nothing happened, the task whose set comes before its first wait
    /// would have set.
    /// </remarks>
    /// <param name="shape">Picks the number of tasks.</param>
    /// <param name="codes">One operation each.</param>
    /// <returns>The program.</returns>
    public static ConcurrentProgram<EventOperation> Generate(byte shape, int[] codes)
    {
        var taskCount = 2 + (shape % 3);
        var drawn = Enumerable.Range(0, taskCount).Select(_ => new List<EventOperation>()).ToList();
        foreach (var code in codes)
        {
            var value = code & int.MaxValue;
            var task = drawn[value % taskCount];
            if (task.Count < MaxCodesPerTask)
            {
                task.Add((EventOperation)(value / taskCount % 4));
            }
        }

        var tasks = drawn.Select(SetAgainAfterClearing).ToList();
        var waits = tasks.Any(task => task.Contains(EventOperation.Wait));
        var setsBeforeWaiting = tasks.Any(task => task.TakeWhile(operation => operation != EventOperation.Wait).Contains(EventOperation.Set));
        if (waits && !setsBeforeWaiting)
        {
            tasks[0].Insert(0, EventOperation.Set);
        }

        return new ConcurrentProgram<EventOperation>(tasks, [EventOperation.IsSet]);
    }

    /// <summary>How to perform an operation on <paramref name="flag"/>, and the result the caller observes.</summary>
    /// <param name="flag">The event.</param>
    /// <param name="timeouts">
    /// Give each wait a timeout of <see cref="LinearizabilityExploration.Timeout"/> virtual time; one that
    /// times out returns <see cref="LinearizabilityExploration.Cancelled"/>.
    /// </param>
    /// <returns>The operation's performer.</returns>
    public static Func<EventOperation, Task<string>> Perform(AsyncEvent flag, bool timeouts = false) => async operation =>
    {
        switch (operation)
        {
            case EventOperation.Set:
                flag.Set();
                return EventSpecification.Done;
            case EventOperation.Clear:
                flag.Clear();
                return EventSpecification.Done;
            case EventOperation.Wait:
                using (var timeout = timeouts ? LinearizabilityExploration.StartTimeout() : null)
                {
                    try
                    {
                        await flag.WaitAsync(timeout?.Token ?? CancellationToken.None);
                        return EventSpecification.Done;
                    }
                    catch (OperationCanceledException) when (timeout is not null)
                    {
                        return LinearizabilityExploration.Cancelled;
                    }
                }

            default:
                return EventSpecification.Text(flag.IsSet);
        }
    };

    private static List<EventOperation> SetAgainAfterClearing(List<EventOperation> drawn)
    {
        var operations = new List<EventOperation>();
        var cleared = false;
        foreach (var operation in drawn)
        {
            if (operation == EventOperation.Wait && cleared)
            {
                operations.Add(EventOperation.Set);
                cleared = false;
            }

            operations.Add(operation);
            cleared = operation == EventOperation.Clear || (cleared && operation != EventOperation.Set);
        }

        if (cleared)
        {
            operations.Add(EventOperation.Set);
        }

        return operations.Count > 0 ? operations : [EventOperation.IsSet];
    }
}
