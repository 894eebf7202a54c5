using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.Time;

namespace Interleave.Primitives.NativeEngine;

/// <summary>
/// One schedule of a test under Interleave's own scheduler: runs the test's controlled operations one at a
/// time on reused <see cref="NativeWorker"/> threads, and at every scheduling point (a primitive's
/// <c>Scheduling.Point</c>, a task started, a continuation posted, an operation finished) lets its strategy
/// choose which enabled operation runs next. It ends when every operation is done, when none can run (a
/// stall: the harness tells a deadlock from a wait on uncontrolled work), at the step bound, or at a failure.
/// </summary>
internal sealed class NativeIteration
{
    [ThreadStatic]
    private static NativeOperation? _running;

    private readonly Lock _sync = new();
    private readonly List<NativeOperation> _live = [];
    private readonly List<NativeOperation> _enabled = [];
    private readonly List<int> _choices = [];
    private readonly INativeStrategy _strategy;
    private readonly int _stepBound;
    private IterationChain? _chain;
    private int _busyWorkers;
    private int _handedOn;
    private int _nextId;
    private int _steps;
    private bool _rootFinished;
    private volatile IterationEnd? _end;

    /// <param name="strategy">Chooses the operation to run at each step.</param>
    /// <param name="stepBound">Steps after which the iteration ends as <see cref="IterationEndKind.StepBoundReached"/>.</param>
    internal NativeIteration(INativeStrategy strategy, int stepBound)
    {
        if (!Hooks.SchedulerLoaded)
        {
            Hooks.NoteNativeEngine();
        }

        _strategy = strategy;
        _stepBound = stepBound;
        Context = new NativeSynchronizationContext(this);
        Time = new VirtualTimeProvider();
    }

    /// <summary>Raised once, on the thread that failed the iteration, before any other operation is unwound.</summary>
    internal event Action? Failed;

    /// <summary>
    /// Raised when the scheduler stops an operation at a point, where it could go on, to run another first (a
    /// preemption), with the stopped operation's task; before the chosen operation runs.
    /// </summary>
    internal event Action<TaskIdentity>? Preempted;

    /// <summary>The iteration the calling code runs in, or null outside the native engine.</summary>
    internal static NativeIteration? Current => (SynchronizationContext.Current as NativeSynchronizationContext)?.Iteration;

    internal NativeSynchronizationContext Context { get; }

    /// <summary>The iteration's virtual clock.</summary>
    internal VirtualTimeProvider Time { get; }

    /// <summary>What the observer of primitive events keeps of this iteration, kept with it so that each event finds it without a table lookup.</summary>
    internal object? Observer { get; set; }

    /// <summary>How the iteration ended (its operations may still be unwinding); null while it runs.</summary>
    internal IterationEnd? End => _end;

    /// <summary>Scheduling steps taken so far.</summary>
    internal int Steps => Volatile.Read(ref _steps);

    /// <summary>
    /// Operations created so far: a strategy that compares it between two of its steps learns whether the step
    /// in between started a task, posted a continuation or paused (read under the iteration's lock, as
    /// <see cref="INativeStrategy.Choose"/> is called, or after the iteration ended).
    /// </summary>
    internal int OperationsCreated => Volatile.Read(ref _nextId);

    /// <summary>The operation chosen at each step, by number: the schedule, as a trace records it.</summary>
    internal IReadOnlyList<int> Choices
    {
        get
        {
            lock (_sync)
            {
                return [.. _choices];
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="test"/> as the iteration's first operation and returns once the iteration has ended
    /// and its operations have unwound (waiting at most <paramref name="patience"/> for code that blocks a
    /// thread while it unwinds). A running operation that takes no step for <paramref name="patience"/> ends
    /// the iteration as <see cref="IterationEndKind.NoProgress"/>, as Coyote's monitor does.
    /// </summary>
    internal IterationEnd Run(Func<Task> test, TimeSpan patience)
    {
        var begun = false;
        IterationEnd? end = null;
        (NativeIteration, Func<Task>)? First()
        {
            if (begun)
            {
                return null;
            }

            begun = true;
            return (this, test);
        }

        new IterationChain(First, (_, ended) => end = ended).Run(patience);
        return end!;
    }

    /// <summary>Makes <paramref name="test"/> the iteration's first operation, run by <paramref name="chain"/>, and returns it to start.</summary>
    internal NativeOperation Begin(Func<Task> test, IterationChain chain)
    {
        _chain = chain;
        lock (_sync)
        {
            var root = AddLocked(() => _ = RootAsync(test), guard: null);
            root.State = OperationState.Running;
            _busyWorkers = 1;
            return root;
        }
    }

    /// <summary>True for the one caller that hands the ended iteration on to its chain's next.</summary>
    internal bool TryHandOn() => Interlocked.Exchange(ref _handedOn, 1) == 0;

    /// <summary>A scheduling point of the calling operation: the strategy may run another operation first.</summary>
    /// <param name="resource">The primitive the operation's next step is about, or null for none.</param>
    /// <exception cref="IterationAbandonedException">The iteration ended; the caller unwinds.</exception>
    internal void Point(string? resource = null)
    {
        if (_running is { } current && current.Iteration == this)
        {
            current.PendingResource = resource;
            current.Task ??= ControlledTask.CurrentIdentity;
            Switch(current);
        }
    }

    /// <summary>Starts <paramref name="function"/> as a new operation (a task's body) and returns its task.</summary>
    internal Task Run(Func<Task> function)
    {
        var start = new Task<Task>(function);
        Spawn(() => start.RunSynchronously());
        return start.Unwrap();
    }

    /// <inheritdoc cref="Run(Func{Task})"/>
    internal Task<T> Run<T>(Func<Task<T>> function)
    {
        var start = new Task<Task<T>>(function);
        Spawn(() => start.RunSynchronously());
        return start.Unwrap();
    }

    /// <summary>A continuation posted to the iteration's context: a new operation.</summary>
    /// <remarks>
    /// Never throws: the async machinery that posts rethrows on the thread pool, which ends the process. A
    /// poster whose iteration ended meanwhile unwinds at its next point.
    /// </remarks>
    internal void Post(SendOrPostCallback callback, object? state)
    {
        try
        {
            Spawn(() => callback(state));
        }
        catch (IterationAbandonedException)
        {
            // The iteration ended; the poster unwinds at its next point.
        }
    }

    /// <summary>
    /// A resumption that runs <paramref name="continuation"/> once <paramref name="condition"/> holds and the
    /// strategy chooses it: the native form of Coyote's <c>Operation.PauseUntilAsync</c>.
    /// </summary>
    internal void ResumeWhen(Func<bool> condition, Action continuation)
    {
        lock (_sync)
        {
            if (_end is null)
            {
                AddLocked(continuation, condition);
            }
        }
    }

    /// <summary>Ends the iteration with <paramref name="end"/> unless it has ended already; the first end wins.</summary>
    internal void Fail(IterationEnd end)
    {
        bool first;
        lock (_sync)
        {
            first = _end is null;
        }

        if (first)
        {
            // Before the end is visible, so whoever records the schedule closes it at the failure.
            Failed?.Invoke();
            lock (_sync)
            {
                EndLocked(end);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/> on <paramref name="worker"/>, then the fresh operations each end chooses.
    /// Returns the first operation of the chain's next iteration when this thread was the last of the ended one's.
    /// </summary>
    internal NativeOperation? Execute(NativeOperation operation, NativeWorker worker)
    {
        bool last;
        var next = operation;
        SynchronizationContext.SetSynchronizationContext(Context);
        try
        {
            while (next is not null)
            {
                next.Worker = worker;
                _running = next;

                // A continuation whose task flowed no context runs on the thread's: undo what the last left there.
                if (worker.CleanContext is { } clean)
                {
                    ExecutionContext.Restore(clean);
                }

                try
                {
                    next.Callback();
                }
                catch (IterationAbandonedException)
                {
                    // Unwound at the end of the iteration.
                }
                catch (Exception exception)
                {
                    Fail(new IterationEnd(IterationEndKind.Failed, exception));
                }

                next = Finish(next);
            }
        }
        finally
        {
            _running = null;
            SynchronizationContext.SetSynchronizationContext(null);
            lock (_sync)
            {
                last = --_busyWorkers == 0 && _end is not null;
            }
        }

        if (!last)
        {
            return null;
        }

        // The chain's code runs as on a fresh thread, not in the last operation's context.
        if (worker.CleanContext is { } context)
        {
            ExecutionContext.Restore(context);
        }

        return _chain!.HandOn(this);
    }

    /// <summary>Told by a task's wrapper that a task's body failed with <paramref name="exception"/>.</summary>
    internal void TaskFailed(Exception exception)
    {
        // An assertion fails the schedule wherever it is, as under Coyote; other exceptions reach whoever awaits the task.
        if (exception is Microsoft.Coyote.Runtime.AssertionFailureException)
        {
            Fail(new IterationEnd(IterationEndKind.Failed, exception));
        }
    }

    private async Task RootAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (IterationAbandonedException)
        {
            return;
        }
        catch (Exception exception)
        {
            Fail(new IterationEnd(IterationEndKind.Failed, exception));
            return;
        }

        lock (_sync)
        {
            _rootFinished = true;
        }
    }

    private void Spawn(Action callback)
    {
        lock (_sync)
        {
            if (_end is not null)
            {
                return;
            }

            AddLocked(callback, guard: null);
        }

        // A point of the operation that created it; work posted from a thread outside the iteration waits
        // for the next step to be chosen.
        Point();
    }

    private NativeOperation AddLocked(Action callback, Func<bool>? guard)
    {
        var operation = new NativeOperation(this, ++_nextId, callback, guard);
        _live.Add(operation);
        return operation;
    }

    // The running operation stops at a point; it goes on at once, or after the operations chosen before it.
    private void Switch(NativeOperation current)
    {
        NativeOperation? chosen;
        lock (_sync)
        {
            ThrowIfEnded();
            chosen = ChooseLocked(current);
            if (chosen == current)
            {
                return;
            }

            if (chosen is not null)
            {
                current.State = OperationState.AtPoint;
                Preempted?.Invoke(current.Task ?? TaskIdentity.Root);
                Hand(chosen);
            }
        }

        if (chosen is not null)
        {
            current.Worker!.Block();
        }

        ThrowIfEnded();
    }

    // The operation's callback returned: choose the next one, returning it when it is fresh, to run on this thread.
    private NativeOperation? Finish(NativeOperation done)
    {
        lock (_sync)
        {
            done.State = OperationState.Done;
            _live.Remove(done);
            if (_end is not null || ChooseLocked(current: null) is not { } chosen)
            {
                return null;
            }

            if (chosen.State == OperationState.Fresh)
            {
                chosen.State = OperationState.Running;
                return chosen;
            }

            Hand(chosen);
            return null;
        }
    }

    // Under the lock: lets the chosen operation run on a thread of its own (its own, when it waits at a point).
    private void Hand(NativeOperation chosen)
    {
        if (chosen.State == OperationState.Fresh)
        {
            chosen.State = OperationState.Running;
            _busyWorkers++;
            NativeWorker.Start(chosen);
        }
        else
        {
            chosen.State = OperationState.Running;
            chosen.Worker!.Resume();
        }
    }

    // Under the lock: one scheduling step. Null when the iteration ended at it.
    private NativeOperation? ChooseLocked(NativeOperation? current)
    {
        if (_steps == _stepBound)
        {
            EndLocked(new IterationEnd(IterationEndKind.StepBoundReached));
            return null;
        }

        _steps++;

        _enabled.Clear();
        foreach (var operation in _live)
        {
            if (operation == current || operation.IsEnabled)
            {
                _enabled.Add(operation);
            }
        }

        if (_enabled.Count == 0)
        {
            EndLocked(new IterationEnd(_live.Count == 0 && _rootFinished ? IterationEndKind.Completed : IterationEndKind.Stalled));
            return null;
        }

        var index = _strategy.Choose(_enabled, current, _steps);
        if (index < 0 || index >= _enabled.Count)
        {
            EndLocked(new IterationEnd(IterationEndKind.Diverged, Message: $"at step {_steps}"));
            return null;
        }

        var chosen = _enabled[index];
        _choices.Add(chosen.Id);
        return chosen;
    }

    // Under the lock: records the end and wakes every operation blocked at a point, to unwind.
    private void EndLocked(IterationEnd end)
    {
        if (_end is not null)
        {
            return;
        }

        _end = end;
        foreach (var operation in _live)
        {
            if (operation.State == OperationState.AtPoint)
            {
                operation.Worker!.Resume();
            }
        }
    }

    private void ThrowIfEnded()
    {
        if (_end is not null)
        {
            throw new IterationAbandonedException();
        }
    }
}
