using System.Globalization;
using Interleave.Primitives;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// Generated semaphore programs that a correct semaphore runs without deadlock, and how to perform their
/// operations on a real semaphore.
/// </summary>
internal static class SemaphorePrograms
{
    private const int MaxCodesPerTask = 4;

    /// <summary>
    /// Decodes 2-4 tasks from FsCheck's numbers: <paramref name="shape"/> picks the number of tasks; each code
    /// picks a task and an acquire (one time in two), a release or a count. A task holds at most one permit:
    /// an acquire while it holds one becomes the release of it, and a task still holding one at its end
    /// releases it. A release while holding none is an extra release (refused by a bounded semaphore at its
    /// bound). A task with no code reads the count, and so does the main task at the end.
    /// </summary>
    /// <remarks>
    /// So no correct semaphore with a permit at first can deadlock: free permits never drop below the
    /// initial count minus the tasks holding one (a refused release happens only at the bound, and a release
    /// to a waiter makes it the holder), and a holder never waits, so once every task is done or waiting,
    /// no task holds one, a permit is free, and nobody may wait while one is.
    /// </remarks>
    /// <param name="shape">Picks the number of tasks.</param>
    /// <param name="codes">One operation each.</param>
    /// <returns>The program.</returns>
    public static ConcurrentProgram<SemaphoreOperation> Generate(byte shape, int[] codes)
    {
        var taskCount = 2 + (shape % 3);
        var drawn = Enumerable.Range(0, taskCount).Select(_ => new List<SemaphoreOperation>()).ToList();
        foreach (var code in codes)
        {
            var value = code & int.MaxValue;
            var task = drawn[value % taskCount];
            if (task.Count < MaxCodesPerTask)
            {
                task.Add((value / taskCount % 4) switch
                {
                    0 or 1 => SemaphoreOperation.Acquire,
                    2 => SemaphoreOperation.Release,
                    _ => SemaphoreOperation.Count,
                });
            }
        }

        return new ConcurrentProgram<SemaphoreOperation>(drawn.Select(HoldAtMostOnePermit).ToList(), [SemaphoreOperation.Count]);
    }

    /// <summary>
    /// <paramref name="program"/> with no count read while tasks run (a task left with nothing releases
    /// once), only the main task's at the end.
    /// </summary>
    /// <remarks>
    /// For acquires with timeouts: a waiter handed a permit and cancelled before it resumes passes the permit
    /// on only then (as asyncio does), so meanwhile <c>CurrentCount</c> shows it as taken, which no order of
    /// a cancelled acquire as a no-op explains. At the end every permit is back, and the final read shows
    /// any lost or made up.
    /// </remarks>
    /// <param name="program">A program from <see cref="Generate"/>.</param>
    /// <returns>The program without its tasks' count reads.</returns>
    public static ConcurrentProgram<SemaphoreOperation> WithoutCountsWhileRunning(ConcurrentProgram<SemaphoreOperation> program) =>
        program with
        {
            Tasks = program.Tasks
                .Select(task => task.Where(operation => operation != SemaphoreOperation.Count).DefaultIfEmpty(SemaphoreOperation.Release).ToList())
                .ToList(),
        };

    /// <summary>How to perform an operation on <paramref name="semaphore"/>, and the result the caller observes.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="timeouts">
    /// Give each acquire a timeout of <see cref="LinearizabilityExploration.Timeout"/> virtual time; one that
    /// times out returns <see cref="LinearizabilityExploration.Cancelled"/>.
    /// </param>
    /// <returns>The operation's performer.</returns>
    public static Func<SemaphoreOperation, Task<string>> Perform(AsyncSemaphore semaphore, bool timeouts = false) => async operation =>
    {
        switch (operation)
        {
            case SemaphoreOperation.Acquire:
                using (var timeout = timeouts ? LinearizabilityExploration.StartTimeout() : null)
                {
                    try
                    {
                        await semaphore.AcquireAsync(timeout?.Token ?? CancellationToken.None); // released by the program's own Release
                        return SemaphoreSpecification.Done;
                    }
                    catch (OperationCanceledException) when (timeout is not null)
                    {
                        return LinearizabilityExploration.Cancelled;
                    }
                }

            case SemaphoreOperation.Release:
                try
                {
                    semaphore.Release();
                    return SemaphoreSpecification.Done;
                }
                catch (SemaphoreFullException)
                {
                    return SemaphoreSpecification.Full; // a bounded semaphore at its bound
                }

            default:
                return semaphore.CurrentCount.ToString(CultureInfo.InvariantCulture);
        }
    };

    private static List<SemaphoreOperation> HoldAtMostOnePermit(List<SemaphoreOperation> drawn)
    {
        var operations = new List<SemaphoreOperation>();
        var holding = false;
        foreach (var operation in drawn)
        {
            if (operation == SemaphoreOperation.Acquire)
            {
                operations.Add(holding ? SemaphoreOperation.Release : SemaphoreOperation.Acquire);
                holding = !holding;
            }
            else
            {
                operations.Add(operation);
            }
        }

        if (holding)
        {
            operations.Add(SemaphoreOperation.Release);
        }

        return operations.Count > 0 ? operations : [SemaphoreOperation.Count];
    }
}
