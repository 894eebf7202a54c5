using Microsoft.Coyote.SystematicTesting;

namespace Interleave.DotNetSamples;

/// <summary>
/// A bounded buffer on <see cref="Monitor.Wait(object)"/> and <see cref="Monitor.Pulse(object)"/>, the
/// condition-variable idiom of .NET's <c>lock</c>: one producer puts four items through a buffer of one,
/// two consumers take two each.
/// </summary>
public static class BoundedBufferTests
{
    private const int Items = 4;

    /// <summary>
    /// Buggy: producers and consumers wait on one monitor, and <see cref="Monitor.Pulse(object)"/> wakes one
    /// waiter of either kind. A consumer that takes an item can wake the other consumer instead of the
    /// producer: both consumers then wait for an item the producer, still waiting for room, never puts.
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task PulseWakesTheWrongWaiter() => RunAsync(new BoundedBuffer<int>(capacity: 1, wakeAll: false));

    /// <summary>Correct: <see cref="Monitor.PulseAll(object)"/> wakes every waiter, and each re-checks its condition.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task PulseAllWakesEveryWaiter() => RunAsync(new BoundedBuffer<int>(capacity: 1, wakeAll: true));

    private static Task RunAsync(BoundedBuffer<int> buffer) =>
        Task.WhenAll(
            Task.Run(() => Produce(buffer)),
            Task.Run(() => Consume(buffer, Items / 2)),
            Task.Run(() => Consume(buffer, Items / 2)));

    private static void Produce(BoundedBuffer<int> buffer)
    {
        for (var item = 0; item < Items; item++)
        {
            buffer.Put(item);
        }
    }

    private static void Consume(BoundedBuffer<int> buffer, int count)
    {
        for (var taken = 0; taken < count; taken++)
        {
            buffer.Take();
        }
    }

    private sealed class BoundedBuffer<T>(int capacity, bool wakeAll)
    {
        private readonly object _sync = new();
        private readonly Queue<T> _items = new();

        public void Put(T item)
        {
            lock (_sync)
            {
                while (_items.Count == capacity)
                {
                    Monitor.Wait(_sync);
                }

                _items.Enqueue(item);
                Wake();
            }
        }

        public T Take()
        {
            lock (_sync)
            {
                while (_items.Count == 0)
                {
                    Monitor.Wait(_sync);
                }

                var item = _items.Dequeue();
                Wake();
                return item;
            }
        }

        private void Wake()
        {
            if (wakeAll)
            {
                Monitor.PulseAll(_sync);
            }
            else
            {
                Monitor.Pulse(_sync);
            }
        }
    }
}
