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
    /// bound). A task with no code reads the count.
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

        return new ConcurrentProgram<SemaphoreOperation>(drawn.Select(HoldAtMostOnePermit).ToList());
    }

    /// <summary>How to perform an operation on <paramref name="semaphore"/>, and the result the caller observes.</summary>
    public static Func<SemaphoreOperation, Task<string>> Perform(AsyncSemaphore semaphore) => async operation =>
    {
        switch (operation)
        {
            case SemaphoreOperation.Acquire:
                await semaphore.AcquireAsync(); // the program releases explicitly, so the releaser is not kept
                return SemaphoreSpecification.Done;
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
