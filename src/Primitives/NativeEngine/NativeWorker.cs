using System.Collections.Concurrent;

namespace Interleave.Primitives.NativeEngine;

/// <summary>
/// A thread that runs operations of native iterations, kept and reused: it starts an operation it is given,
/// runs the operations its operation's end chooses on the same thread (and the next iteration's first, when
/// its operation ended an iteration), and blocks while its operation waits at a scheduling point. Coyote
/// starts an OS thread for every operation instead.
/// </summary>
internal sealed class NativeWorker
{
    // Last in, first out: the worker that went idle last is likely still spinning in its wait, where one idle
    // for longer sleeps in the kernel, and waking a sleeping thread takes a kernel wake-up.
    private static readonly ConcurrentStack<NativeWorker> Idle = new();
    private readonly SemaphoreSlim _signal = new(0);
    private NativeOperation? _assigned;

    private NativeWorker()
    {
        // Started without the creator's execution context, which would carry its task's identity (an
        // AsyncLocal) into every operation this thread runs later.
        var thread = new Thread(Loop) { IsBackground = true, Name = "Interleave native worker" };
        thread.UnsafeStart();
    }

    /// <summary>Runs <paramref name="operation"/>, which has not started, on an idle worker (a new one when none is).</summary>
    internal static void Start(NativeOperation operation)
    {
        if (!Idle.TryPop(out var worker))
        {
            worker = new NativeWorker();
        }

        worker._assigned = operation;
        worker._signal.Release();
    }

    /// <summary>Lets this worker's operation, blocked at a scheduling point, go on.</summary>
    internal void Resume() => _signal.Release();

    /// <summary>Blocks this worker's operation at a scheduling point until <see cref="Resume"/>.</summary>
    internal void Block() => _signal.Wait();

    /// <summary>The thread's own execution context: what each operation starts from.</summary>
    internal ExecutionContext? CleanContext { get; private set; }

    private void Loop()
    {
        CleanContext = ExecutionContext.Capture();
        while (true)
        {
            _signal.Wait();
            var operation = _assigned;
            _assigned = null;
            while (operation is not null)
            {
                operation = operation.Iteration.Execute(operation, this);
            }

            Idle.Push(this);
        }
    }
}
