using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Interleave.Tests.Systematic.Primitives;

/// <summary>
/// A debugger evaluates a primitive's <see cref="DebuggerDisplayAttribute"/> while the program's threads are
/// frozen wherever they were, some perhaps inside the primitive's lock: a display that takes that lock
/// hangs the debugger. Each primitive's display is evaluated here, as a debugger would (the attribute's
/// format, each <c>{...}</c> read by reflection), while another thread holds every lock inside it.
/// </summary>
public partial class DebuggerDisplayTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static TheoryData<string, string> Primitives => new()
    {
        { "AsyncLock", "lock: locked, waiters = 1" },
        { "AsyncSemaphore", "semaphore: count = 0, waiters = 1" },
        { "AsyncBoundedSemaphore", "bounded: count = 0, waiters = 1" },
        { "AsyncEvent", "event: clear, waiters = 1" },
        { "AsyncCondition", "condition: unlocked, waiters = 1" },
        { "AsyncBarrier", "barrier: 1/3 waiting, broken = false" },
        { "AsyncQueue", "fifo: count = 1, max = 2, unfinished = 1" },
        { "AsyncLifoQueue", "lifo: count = 1, max = 2, unfinished = 1" },
        { "AsyncPriorityQueue", "priority: count = 1, max = 2, unfinished = 1" },
    };

    [Theory]
    [MemberData(nameof(Primitives))]
    public async Task DebuggerDisplay_WhileAnotherThreadHoldsTheLock_ReturnsAtOnce(string kind, string expected)
    {
        var primitive = WithATaskWaitingOrAnItem(kind);
        var locks = LocksInside(primitive);
        Assert.NotEmpty(locks);

        string display;
        using (LockHolder.Hold(locks))
        {
            var evaluation = Task.Run(() => Evaluate(primitive));
            Assert.True(
                await Task.WhenAny(evaluation, Task.Delay(Patience)) == evaluation,
                $"{kind}'s debugger display did not return within {Patience.TotalSeconds} s while another thread held its lock.");
            display = await evaluation;
        }

        Assert.Equal(expected, display);
    }

    // A primitive in a state its display has something to say about. The waits are left pending: nothing
    // completes them, and the primitive is dropped with them.
    private static object WithATaskWaitingOrAnItem(string kind)
    {
        switch (kind)
        {
            case "AsyncLock":
                var mutex = new AsyncLock("lock");
                _ = mutex.AcquireAsync();
                _ = mutex.AcquireAsync();
                return mutex;
            case "AsyncSemaphore":
                var semaphore = new AsyncSemaphore(1, "semaphore");
                _ = semaphore.AcquireAsync();
                _ = semaphore.AcquireAsync();
                return semaphore;
            case "AsyncBoundedSemaphore":
                var bounded = new AsyncBoundedSemaphore(1, "bounded");
                _ = bounded.AcquireAsync();
                _ = bounded.AcquireAsync();
                return bounded;
            case "AsyncEvent":
                var signal = new AsyncEvent("event");
                _ = signal.WaitAsync();
                return signal;
            case "AsyncCondition":
                var condition = new AsyncCondition(name: "condition");
                _ = condition.AcquireAsync();
                _ = condition.WaitAsync(); // queues, then releases the lock
                return condition;
            case "AsyncBarrier":
                var barrier = new AsyncBarrier(3, "barrier");
                _ = barrier.WaitAsync();
                return barrier;
            default:
                AsyncQueue<int> queue = kind switch
                {
                    "AsyncLifoQueue" => new AsyncLifoQueue<int>(2, "lifo"),
                    "AsyncPriorityQueue" => new AsyncPriorityQueue<int>(2, name: "priority"),
                    _ => new AsyncQueue<int>(2, "fifo"),
                };
                Assert.True(queue.TryPut(7));
                return queue;
        }
    }

    /// <summary>Every <see cref="Lock"/> the primitive holds, directly or in the objects of the library it refers to.</summary>
    private static List<Lock> LocksInside(object primitive)
    {
        var locks = new List<Lock>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>([primitive]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var field in InstanceFields(current.GetType()))
            {
                switch (field.GetValue(current))
                {
                    case Lock found:
                        locks.Add(found);
                        break;
                    case { } inner when !inner.GetType().IsValueType && inner.GetType().Assembly == typeof(AsyncLock).Assembly:
                        pending.Push(inner);
                        break;
                }
            }
        }

        return locks;
    }

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        for (var declaring = type; declaring is not null; declaring = declaring.BaseType)
        {
            foreach (var field in declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }

    /// <summary>The display as a debugger shows it: the attribute's format with each <c>{expression[,nq]}</c> evaluated.</summary>
    private static string Evaluate(object primitive)
    {
        var attribute = primitive.GetType().GetCustomAttribute<DebuggerDisplayAttribute>(inherit: true);
        Assert.NotNull(attribute);
        return Placeholder().Replace(attribute.Value, match =>
        {
            var text = match.Groups["expression"].Value;
            var noQuotes = text.EndsWith(",nq", StringComparison.Ordinal);
            var value = EvaluateExpression(primitive, noQuotes ? text[..^3] : text);
            return value switch
            {
                bool flag => flag ? "true" : "false",
                string word when !noQuotes => $"\"{word}\"",
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
            };
        });
    }

    // A member path (Name, _gate.WaiterCount) or the one kind of expression the displays use besides:
    // a flag choosing between two strings.
    private static object? EvaluateExpression(object target, string expression)
    {
        if (Choice().Match(expression) is { Success: true } choice)
        {
            return (bool)Member(target, choice.Groups["flag"].Value)!
                ? choice.Groups["yes"].Value
                : choice.Groups["no"].Value;
        }

        Assert.Matches(MemberPath(), expression);
        return Member(target, expression);
    }

    private static object? Member(object target, string path)
    {
        object? current = target;
        foreach (var name in path.Split('.'))
        {
            Assert.NotNull(current);
            current = Read(current, name);
        }

        return current;
    }

    private static object? Read(object target, string name)
    {
        const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        for (var type = target.GetType(); type is not null; type = type.BaseType)
        {
            if (type.GetProperty(name, Any) is { } property)
            {
                return property.GetValue(target);
            }

            if (type.GetField(name, Any) is { } field)
            {
                return field.GetValue(target);
            }
        }

        throw new MissingMemberException(target.GetType().Name, name);
    }

    [GeneratedRegex(@"\{(?<expression>[^{}]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(?<flag>[\w.]+) \? ""(?<yes>[^""]*)"" : ""(?<no>[^""]*)""$")]
    private static partial Regex Choice();

    [GeneratedRegex(@"^[\w.]+$")]
    private static partial Regex MemberPath();

    /// <summary>A thread that holds locks until disposed (a <see cref="Lock"/> is released by the thread that took it).</summary>
    private sealed class LockHolder : IDisposable
    {
        private readonly ManualResetEventSlim _held = new();
        private readonly ManualResetEventSlim _release = new();
        private readonly Thread _thread;

        private LockHolder(IReadOnlyList<Lock> locks)
        {
            _thread = new Thread(() =>
            {
                foreach (var gate in locks)
                {
                    gate.Enter();
                }

                _held.Set();
                _release.Wait();
                foreach (var gate in locks)
                {
                    gate.Exit();
                }
            })
            {
                IsBackground = true,
                Name = "holds the primitive's locks",
            };
        }

        internal static LockHolder Hold(IReadOnlyList<Lock> locks)
        {
            var holder = new LockHolder(locks);
            holder._thread.Start();
            Assert.True(holder._held.Wait(Patience), "The holding thread did not take the locks.");
            return holder;
        }

        public void Dispose()
        {
            _release.Set();
            _thread.Join();
            _held.Dispose();
            _release.Dispose();
        }
    }
}
