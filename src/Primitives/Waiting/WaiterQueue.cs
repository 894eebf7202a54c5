using System.Diagnostics;
using Interleave.Primitives.Testing;

namespace Interleave.Primitives.Waiting;

/// <summary>
/// The FIFO of waiters every primitive uses: O(1) enqueue, dequeue and removal of a cancelled waiter.
/// Not thread-safe: the owning primitive guards it with its lock.
/// </summary>
[DebuggerDisplay("Count = {Count}")]
internal sealed class WaiterQueue<T>
{
    private Waiter<T>? _head;
    private Waiter<T>? _tail;

    internal int Count { get; private set; }

    internal bool IsEmpty => Count == 0;

    /// <summary>The count, read under <paramref name="sync"/>, the owner's lock: never one an operation is midway through.</summary>
    internal int CountUnder(Lock sync)
    {
        lock (sync)
        {
            return Count;
        }
    }

    internal void Enqueue(Waiter<T> waiter)
    {
        Debug.Assert(!waiter.IsQueued, "A waiter is queued at most once.");
        waiter.Queue = this;
        waiter.Previous = _tail;
        waiter.Next = null;
        if (_tail is null)
        {
            _head = waiter;
        }
        else
        {
            _tail.Next = waiter;
        }

        _tail = waiter;
        Count++;
    }

    /// <summary>Removes and returns the longest-waiting waiter, or null when none waits.</summary>
    internal Waiter<T>? Dequeue()
    {
        var head = Mutation.Is(Mutant.WakeNewestWaiter) ? _tail : _head;
        if (head is not null)
        {
            Unlink(head);
        }

        return head;
    }

    /// <summary>Removes <paramref name="waiter"/> if it is still in this queue; false if it was already dequeued.</summary>
    internal bool Remove(Waiter<T> waiter)
    {
        if (waiter.Queue != this)
        {
            return false;
        }

        Unlink(waiter);
        return true;
    }

    /// <summary>
    /// Checks, in Debug builds, the rules of the queue's links, one assertion each. Called by the owner under
    /// its lock, with its own rules, after every change.
    /// </summary>
    [Conditional("DEBUG")]
    internal void AssertInvariants()
    {
        Debug.Assert(Count >= 0, "A waiter queue never counts fewer than no waiters.");
        Debug.Assert((_head is null) == IsEmpty, "The queue has a first waiter exactly when it is not empty.");
        Debug.Assert((_tail is null) == IsEmpty, "The queue has a last waiter exactly when it is not empty.");
        Debug.Assert(_head?.Previous is null, "No waiter comes before the first.");
        Debug.Assert(_tail?.Next is null, "No waiter comes after the last.");
        Debug.Assert(_head is null || _head.Queue == this, "The first waiter knows it is in this queue.");
        Debug.Assert(_tail is null || _tail.Queue == this, "The last waiter knows it is in this queue.");
        Debug.Assert(
            _head?.IsCompleted != true && _tail?.IsCompleted != true,
            "A queued waiter is not completed: its owner dequeues or removes it first, under the lock.");
    }

    /// <summary>Removes every waiter, oldest first, into a list the caller completes outside its lock.</summary>
    internal List<Waiter<T>> DequeueAll()
    {
        var all = new List<Waiter<T>>(Count);
        while (Dequeue() is { } waiter)
        {
            all.Add(waiter);
        }

        return all;
    }

    private void Unlink(Waiter<T> waiter)
    {
        if (waiter.Previous is null)
        {
            _head = waiter.Next;
        }
        else
        {
            waiter.Previous.Next = waiter.Next;
        }

        if (waiter.Next is null)
        {
            _tail = waiter.Previous;
        }
        else
        {
            waiter.Next.Previous = waiter.Previous;
        }

        waiter.Next = null;
        waiter.Previous = null;
        waiter.Queue = null;
        Count--;
    }
}
