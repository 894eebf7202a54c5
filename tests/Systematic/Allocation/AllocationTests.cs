namespace Interleave.Tests.Systematic.Allocation;

/// <summary>
/// The uncontended paths of the primitives allocate nothing in production, and a contended wait only its
/// waiter: measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/> around many round trips.
/// </summary>
public class AllocationTests
{
    private const int Rounds = 1000;

    // A Waiter<bool> (128 B on x64), and a little over: what a contended wait may allocate. A waiter built
    // on a TaskCompletionSource took 168 B, and an unpooled state machine another 144. Built in Debug, the
    // compiler makes the state machine a class, one more object per call (104 B), pooled box or not.
#if DEBUG
    private const double WaiterBytes = 150 + 104;
#else
    private const double WaiterBytes = 150;
#endif

    [Fact]
    public void AsyncLock_UncontendedAcquireRelease_AllocatesNothing() =>
        AssertAllocatesNothing(new AsyncLock(), static gate => gate.AcquireAsync().Result.Dispose());

    [Fact]
    public void AsyncSemaphore_UncontendedAcquireRelease_AllocatesNothing() =>
        AssertAllocatesNothing(new AsyncSemaphore(2), static semaphore =>
        {
            semaphore.AcquireAsync().Result.Dispose();
            semaphore.Release();
            semaphore.AcquireAsync().Result.Dispose();
        });

    [Fact]
    public void AsyncBoundedSemaphore_UncontendedAcquireRelease_AllocatesNothing() =>
        AssertAllocatesNothing(new AsyncBoundedSemaphore(2), static semaphore => semaphore.AcquireAsync().Result.Dispose());

    [Fact]
    public void AsyncCondition_UncontendedAcquireNotifyRelease_AllocatesNothing() =>
        AssertAllocatesNothing(new AsyncCondition(), static condition =>
        {
            using (condition.AcquireAsync().Result)
            {
                condition.Notify();
            }
        });

    [Fact]
    public void AsyncEvent_SetWaitClear_AllocatesNothing() =>
        AssertAllocatesNothing(new AsyncEvent(), static signal =>
        {
            signal.Set();
            var wait = signal.WaitAsync();
            Check(wait.IsCompletedSuccessfully);
            wait.GetAwaiter().GetResult();
            signal.Clear();
        });

    public static TheoryData<string> QueueKinds => new() { "fifo", "lifo", "priority" };

    [Theory]
    [MemberData(nameof(QueueKinds))]
    public void AsyncQueue_UncontendedPutGetTaskDone_AllocatesNothing(string kind)
    {
        AsyncQueue<int> queue = kind switch
        {
            "lifo" => new AsyncLifoQueue<int>(maxSize: 4),
            "priority" => new AsyncPriorityQueue<int>(maxSize: 4),
            _ => new AsyncQueue<int>(maxSize: 4),
        };
        AssertAllocatesNothing(queue, static q =>
        {
            var put = q.PutAsync(7);
            Check(put.IsCompletedSuccessfully);
            put.GetAwaiter().GetResult();
            Check(q.GetAsync().Result == 7);
            Check(q.TryPut(8));
            Check(q.TryGet(out var item) && item == 8);
            q.TaskDone();
            q.TaskDone();
            Check(q.JoinAsync().IsCompletedSuccessfully);
        });
    }

    [Fact]
    public void AsyncLock_ContendedHandOff_AllocatesOnlyTheWaiter()
    {
        // The waiter is all a contended acquisition allocates on the waiting thread: the state machine that
        // awaits it comes from a pool.
        var allocated = AllocatedPerRound(new AsyncLock(), static gate =>
        {
            var held = gate.AcquireAsync().Result;
            var waiting = gate.AcquireAsync();
            Check(!waiting.IsCompleted);
            held.Dispose(); // hands the lock to the waiter, which resumes on the thread pool
            while (!waiting.IsCompleted)
            {
                Thread.Yield();
            }

            waiting.GetAwaiter().GetResult().Dispose();
        });

        Assert.InRange(allocated, 0, WaiterBytes);
    }

    // xunit's assertions may allocate; inside the measured loop a plain check keeps the count honest.
    private static void Check(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("A synchronous fast path did not complete as expected.");
        }
    }

    private static void AssertAllocatesNothing<T>(T primitive, Action<T> roundTrip) =>
        Assert.Equal(0, AllocatedPerRound(primitive, roundTrip));

    private static double AllocatedPerRound<T>(T primitive, Action<T> roundTrip)
    {
        // Warm up: JIT, tiering and any one-time growth of internal storage happen here.
        for (var i = 0; i < Rounds; i++)
        {
            roundTrip(primitive);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            roundTrip(primitive);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Rounds;
    }
}
