using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Microsoft.Coyote.Runtime;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// Whether one event created under test by rewritten code is set, and who waits on it: an
/// <see cref="AutoResetEvent"/>, a <see cref="ManualResetEvent"/>, an <see cref="EventWaitHandle"/> or a
/// <see cref="ManualResetEventSlim"/> (<see cref="EventWaitHandleShim"/>, <see cref="ManualResetEventSlimShim"/>).
/// The .NET object is only the key: its signal lives here, so that a wait pauses on a condition Coyote sees
/// (<see cref="Operation.PauseUntil"/>), is in the wait-for graph, and its set and wait are the release and
/// acquire of a happens-before edge. An auto-reset event lets one waiter through per set and is then clear
/// again; a manual one stays set until reset. Timeouts are Coyote's model: zero tries at once, any other waits
/// as an infinite one does. Only one controlled operation runs at a time, so the state needs no lock of its own.
/// </summary>
internal sealed class ResetEventState
{
    private static readonly ConditionalWeakTable<object, ResetEventState> States = new();
    private static int _instances;

    private readonly PrimitiveName _name;
    private readonly bool _autoReset;
    private int _waiting;

    private ResetEventState(PrimitiveKind kind, bool initialState)
    {
        _name = new PrimitiveName(kind, null, ref _instances);
        (_autoReset, IsSet) = (kind == PrimitiveKind.AutoResetEvent, initialState);
    }

    internal bool IsSet { get; private set; }

    /// <summary>Keeps the signal of <paramref name="instance"/>, a new event of <paramref name="kind"/>, here; returns it.</summary>
    internal static T Track<T>(T instance, PrimitiveKind kind, bool initialState)
        where T : class
    {
        States.Add(instance, new ResetEventState(kind, initialState));
        return instance;
    }

    /// <summary>The state of <paramref name="instance"/>, if it was created under test by rewritten code.</summary>
    internal static ResetEventState? Of(object? instance) =>
        instance is not null && Scheduling.IsControlled && States.TryGetValue(instance, out var state) ? state : null;

    /// <summary>The states of every one of <paramref name="handles"/>, or null if any of them has none.</summary>
    internal static ResetEventState[]? OfAll(WaitHandle[] handles)
    {
        ArgumentNullException.ThrowIfNull(handles);
        var states = new ResetEventState[handles.Length];
        for (var i = 0; i < handles.Length; i++)
        {
            if (Of(handles[i] ?? throw new ArgumentNullException(nameof(handles))) is not { } state)
            {
                return null;
            }

            states[i] = state;
        }

        return states.Length > 0 ? states : null;
    }

    /// <summary>
    /// Sets the event: every waiter goes on if it resets by hand, the first to run if it resets itself. The
    /// scheduling point is after the set, where a woken task, or one about to wait, may run before the setter
    /// goes on (as after Coyote's completion of a task).
    /// </summary>
    internal void Set(string callerFile, int callerLine)
    {
        var woken = IsSet ? 0 : _autoReset ? Math.Min(1, _waiting) : _waiting;
        IsSet = true;
        PrimitiveEvents.Report(_name, PrimitiveOperation.Set, OperationOutcome.Completed, woken, callerFile, callerLine);
        Scheduling.Point();
    }

    internal void Reset(string callerFile, int callerLine)
    {
        Scheduling.Point();
        IsSet = false;
        PrimitiveEvents.Report(_name, PrimitiveOperation.Clear, OperationOutcome.Completed, -1, callerFile, callerLine);
    }

    /// <summary>Waits until the event is set (taking the signal of an auto-reset event); false if a zero timeout found it clear.</summary>
    internal bool Wait(int millisecondsTimeout, CancellationToken cancellationToken, string callerFile, int callerLine)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        Scheduling.Point();
        cancellationToken.ThrowIfCancellationRequested();
        if (IsSet)
        {
            Pass(OperationOutcome.Completed, callerFile, callerLine);
            return true;
        }

        if (millisecondsTimeout == 0)
        {
            Report(OperationOutcome.Refused, callerFile, callerLine);
            return false;
        }

        _waiting++;
        Report(OperationOutcome.Blocked, callerFile, callerLine);
        Operation.PauseUntil(() => IsSet || cancellationToken.IsCancellationRequested);
        _waiting--;
        if (!IsSet)
        {
            Report(OperationOutcome.Cancelled, callerFile, callerLine);
            throw new OperationCanceledException(cancellationToken);
        }

        Pass(OperationOutcome.Resumed, callerFile, callerLine);
        return true;
    }

    /// <summary><see cref="WaitHandle.WaitAll(WaitHandle[])"/>: waits until every event is set, then takes them all at once.</summary>
    internal static bool WaitAll(ResetEventState[] events, int millisecondsTimeout, string callerFile, int callerLine)
    {
        Scheduling.Point();
        var outcome = OperationOutcome.Completed;
        if (Array.Find(events, e => !e.IsSet) is { } clear)
        {
            if (millisecondsTimeout == 0)
            {
                clear.Report(OperationOutcome.Refused, callerFile, callerLine);
                return false;
            }

            // The wait-for graph names one event a task waits on: the first that is not set.
            Array.ForEach(events, e => e._waiting++);
            clear.Report(OperationOutcome.Blocked, callerFile, callerLine);
            Operation.PauseUntil(() => Array.TrueForAll(events, e => e.IsSet));
            Array.ForEach(events, e => e._waiting--);
            outcome = OperationOutcome.Resumed;
        }

        foreach (var e in events)
        {
            e.Pass(outcome, callerFile, callerLine);
        }

        return true;
    }

    /// <summary><see cref="WaitHandle.WaitAny(WaitHandle[])"/>: waits until an event is set, takes the first set one, and returns its index.</summary>
    internal static int WaitAny(ResetEventState[] events, int millisecondsTimeout, string callerFile, int callerLine)
    {
        Scheduling.Point();
        var outcome = OperationOutcome.Completed;
        if (!Array.Exists(events, e => e.IsSet))
        {
            if (millisecondsTimeout == 0)
            {
                events[0].Report(OperationOutcome.Refused, callerFile, callerLine);
                return WaitHandle.WaitTimeout;
            }

            Array.ForEach(events, e => e._waiting++);
            events[0].Report(OperationOutcome.Blocked, callerFile, callerLine);
            Operation.PauseUntil(() => Array.Exists(events, e => e.IsSet));
            Array.ForEach(events, e => e._waiting--);
            outcome = OperationOutcome.Resumed;
        }

        var index = Array.FindIndex(events, e => e.IsSet);
        events[index].Pass(outcome, callerFile, callerLine);
        return index;
    }

    // The current task goes on past the set event, taking its signal if it resets itself.
    private void Pass(OperationOutcome outcome, string callerFile, int callerLine)
    {
        IsSet &= !_autoReset;
        Report(outcome, callerFile, callerLine);
    }

    private void Report(OperationOutcome outcome, string callerFile, int callerLine) =>
        PrimitiveEvents.Report(_name, PrimitiveOperation.Wait, outcome, 0, callerFile, callerLine);
}
