using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Scenarios;

/// <summary>
/// The seed's bounded buffer on a condition: a producer puts while there is room, consumers get while
/// there are items, and each notifies the other side. A woken task must re-check in a <c>while</c> loop:
/// the condition is Mesa-style, so another task may have changed the buffer before it got the lock back.
/// </summary>
public static class BoundedBufferScenarios
{
    private const int Capacity = 1;

    /// <summary>Buggy: waits are guarded by <c>if</c>, so a woken consumer may find the buffer empty.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task IfGuardedWait() => RunAsync(recheckInLoop: false);

    /// <summary>Correct: waits are guarded by <c>while</c>, re-checking the buffer after every wake-up.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task WhileGuardedWait() => RunAsync(recheckInLoop: true);

    private static async Task RunAsync(bool recheckInLoop)
    {
        var buffer = new Buffer(Capacity, recheckInLoop);
        var producer = ControlledTask.Run(
            async () =>
            {
                for (var item = 1; item <= 2; item++)
                {
                    await buffer.PutAsync($"Producer-1-{item}", "Producer-1");
                }
            },
            "Producer-1");
        var consumer1 = ControlledTask.Run<string>(() => buffer.GetAsync("Consumer-1"), "Consumer-1");
        var consumer2 = ControlledTask.Run<string>(() => buffer.GetAsync("Consumer-2"), "Consumer-2");
        await Task.WhenAll(producer, consumer1, consumer2);
        var first = await consumer1;
        var second = await consumer2;

        Specification.Assert(first != second, $"Both consumers got {first}: an item was delivered twice.");
    }

    private sealed class Buffer(int size, bool recheckInLoop)
    {
        private readonly Queue<string> _items = new();
        private readonly AsyncCondition _condition = new(name: "buffer_condition");

        public async Task PutAsync(string item, string producer)
        {
            using (await _condition.AcquireAsync())
            {
                if (recheckInLoop)
                {
                    while (_items.Count >= size)
                    {
                        await _condition.WaitAsync();
                    }
                }
                else if (_items.Count >= size)
                {
                    await _condition.WaitAsync();
                }

                Specification.Assert(_items.Count < size, $"{producer} woke to a full buffer: another producer filled it first.");
                _items.Enqueue(item);
                _condition.NotifyAll();
            }

            await ControlledTask.Yield(); // the seed's production time
        }

        public async Task<string> GetAsync(string consumer)
        {
            using (await _condition.AcquireAsync())
            {
                if (recheckInLoop)
                {
                    while (_items.Count == 0)
                    {
                        await _condition.WaitAsync();
                    }
                }
                else if (_items.Count == 0)
                {
                    await _condition.WaitAsync();
                }

                Specification.Assert(_items.Count > 0, $"{consumer} woke to an empty buffer: another consumer took the item first.");
                var item = _items.Dequeue();
                _condition.NotifyAll();
                return item;
            }
        }
    }
}
