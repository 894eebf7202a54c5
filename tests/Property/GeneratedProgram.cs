using Interleave.Primitives;

namespace Interleave.Tests.Property;

/// <summary>
/// A small concurrent program decoded from FsCheck's numbers: main writes two shared cells, starts 2-4
/// tasks and awaits them, then reads the cells; each task runs a few steps over the cells, two locks, and
/// four signal channels (an event, a queue, a semaphore of no permits, another event). Deadlock-free by
/// construction: a task signals channel j only after waits on channels below j, and no channel is waited on
/// more often than it is signalled (an event: at all), so the lowest blocked wait can always be signalled.
/// </summary>
internal sealed class GeneratedProgram
{
    private const int Channels = 4;
    private static readonly string[] Cells = ["x", "y"];

    private GeneratedProgram(List<List<Step>> tasks) => Tasks = tasks;

    /// <summary>What one task step does: a cell access (maybe under a lock), a signal or wait, or a yield.</summary>
    internal enum Action
    {
        Read,
        Write,
        LockedRead,
        LockedWrite,
        LockedIncrement,
        Signal,
        Wait,
        Yield,
    }

    internal List<List<Step>> Tasks { get; }

    /// <summary>Decodes a program: <paramref name="taskCount"/> picks 2-4 tasks, each number one step.</summary>
    internal static GeneratedProgram Decode(byte taskCount, int[] steps)
    {
        var tasks = Enumerable.Range(0, 2 + (taskCount % 3)).Select(_ => new List<Step>()).ToList();
        foreach (var number in steps.Take(24))
        {
            var value = number & int.MaxValue;
            var task = tasks[value % tasks.Count];
            value /= tasks.Count;
            var action = (Action)(value % 8);
            value /= 8;
            task.Add(new Step(action, Target: value % Channels, Lock: value / Channels % 2));
        }

        return new GeneratedProgram(MakeDeadlockFree(tasks));
    }

    /// <summary>Runs the program: the body of an explored test.</summary>
    internal async Task RunAsync()
    {
        var cells = Cells.Select(name => new Shared<int>(0, name)).ToArray();
        var locks = new[] { new AsyncLock("L0"), new AsyncLock("L1") };
        var channels = new Channel(new AsyncEvent("e0"), new AsyncQueue<int>(name: "q1"), new AsyncSemaphore(0, "s2"), new AsyncEvent("e3"));
        cells[0].Write(1);
        cells[1].Write(1);
        var running = Tasks.Select((steps, i) => ControlledTask.Run(() => RunTaskAsync(steps, cells, locks, channels), $"T{i + 1}")).ToList();
        await Task.WhenAll(running);
        cells[0].Read();
        cells[1].Read();
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(" | ", Tasks.Select((steps, i) => $"T{i + 1}: " + string.Join(", ", steps)));

    private static async Task RunTaskAsync(List<Step> steps, Shared<int>[] cells, AsyncLock[] locks, Channel channels)
    {
        foreach (var step in steps)
        {
            var cell = cells[step.Target % Cells.Length];
            switch (step.Action)
            {
                case Action.Read:
                    cell.Read();
                    break;
                case Action.Write:
                    cell.Write(step.Target);
                    break;
                case Action.LockedRead or Action.LockedWrite or Action.LockedIncrement:
                    using (await locks[step.Lock].AcquireAsync())
                    {
                        if (step.Action != Action.LockedWrite)
                        {
                            cell.Read();
                        }

                        if (step.Action != Action.LockedRead)
                        {
                            cell.Write(step.Target);
                        }
                    }

                    break;
                case Action.Signal:
                    await channels.SignalAsync(step.Target);
                    break;
                case Action.Wait:
                    await channels.WaitAsync(step.Target);
                    break;
                default:
                    await ControlledTask.Yield();
                    break;
            }
        }
    }

    // Drops the signals that follow a wait on the same or a higher channel in their task, then the waits a
    // channel cannot serve: those on an event nobody sets, and gets/acquires beyond the puts/releases.
    private static List<List<Step>> MakeDeadlockFree(List<List<Step>> tasks)
    {
        var ordered = tasks.Select(steps =>
        {
            var highestWait = -1;
            var kept = new List<Step>();
            foreach (var step in steps)
            {
                if (step.Action == Action.Signal && step.Target <= highestWait)
                {
                    continue;
                }

                if (step.Action == Action.Wait)
                {
                    highestWait = Math.Max(highestWait, step.Target);
                }

                kept.Add(step);
            }

            return kept;
        }).ToList();

        var signals = new int[Channels];
        foreach (var step in ordered.SelectMany(steps => steps).Where(step => step.Action == Action.Signal))
        {
            signals[step.Target]++;
        }

        var allowed = signals.Select((count, channel) => Channel.IsEvent(channel) ? (count > 0 ? int.MaxValue : 0) : count).ToArray();
        return ordered.Select(steps => steps.Where(step => step.Action != Action.Wait || allowed[step.Target]-- > 0).ToList()).ToList();
    }

    /// <summary>One step of a task.</summary>
    internal readonly record struct Step(Action Action, int Target, int Lock)
    {
        public override string ToString() => Action switch
        {
            Action.Read or Action.Write => $"{Action} {Cells[Target % Cells.Length]}",
            Action.LockedRead or Action.LockedWrite or Action.LockedIncrement => $"{Action} {Cells[Target % Cells.Length]} under L{Lock}",
            Action.Signal or Action.Wait => $"{Action} {Target}",
            _ => "Yield",
        };
    }

    // The four channels: 0 and 3 events, 1 a queue, 2 a semaphore of no permits.
    private sealed record Channel(AsyncEvent First, AsyncQueue<int> Queue, AsyncSemaphore Semaphore, AsyncEvent Last)
    {
        internal static bool IsEvent(int channel) => channel is 0 or 3;

        internal async Task SignalAsync(int channel)
        {
            switch (channel)
            {
                case 0: First.Set(); break;
                case 1: await Queue.PutAsync(channel); break;
                case 2: Semaphore.Release(); break;
                default: Last.Set(); break;
            }
        }

        internal async Task WaitAsync(int channel)
        {
            switch (channel)
            {
                case 0: await First.WaitAsync(); break;
                case 1: await Queue.GetAsync(); break;
                case 2: await Semaphore.AcquireAsync(); break;
                default: await Last.WaitAsync(); break;
            }
        }
    }
}
