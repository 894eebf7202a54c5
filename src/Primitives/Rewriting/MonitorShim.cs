using System.ComponentModel;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Microsoft.Coyote.Runtime;
using CoyoteMonitor = Microsoft.Coyote.Rewriting.Types.Threading.Monitor;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="Monitor"/> in rewritten code, the <c>lock</c> statement's enter and exit included. Under test it
/// is a monitor of its own, kept per object (<see cref="MonitorState"/>), whose waits pause on a condition
/// Coyote sees (<see cref="Operation.PauseUntil"/>): its account names who holds the lock and who waits, and a
/// deadlock on it is a cycle of the wait-for graph. It keeps .NET's rules (re-entrant, FIFO wait queue,
/// <see cref="SynchronizationLockException"/> for a caller that does not hold it) and Coyote's model of
/// timeouts: a timed <c>TryEnter</c> or <c>Wait</c> waits as an untimed one does. Outside a test it is
/// Coyote's wrapper, which is <see cref="Monitor"/>. It also stands in for the calls Coyote 1.7.11 leaves to
/// <see cref="Monitor"/> itself (<c>TryEnter(object, int)</c>), so that every call on a monitor sees one state.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.Monitor")]
[ShimOf("System.Threading.Monitor")]
public static class MonitorShim
{
    /// <summary><see cref="Monitor.Enter(object)"/>.</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Enter(object obj, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (!Scheduling.IsControlled)
        {
            CoyoteMonitor.Enter(obj);
            return;
        }

        MonitorState.Of(obj).Enter(callerFile, callerLine);
    }

    /// <summary><see cref="Monitor.Enter(object, ref bool)"/>, as the <c>lock</c> statement calls it.</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="lockTaken">Set to true once the lock is held; must be false on entry.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Enter(object obj, ref bool lockTaken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (!Scheduling.IsControlled)
        {
            CoyoteMonitor.Enter(obj, ref lockTaken);
            return;
        }

        ThrowIfTaken(lockTaken);
        MonitorState.Of(obj).Enter(callerFile, callerLine);
        lockTaken = true;
    }

    /// <summary><see cref="Monitor.TryEnter(object)"/>: under test, true with the lock, or false at once if another task holds it.</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True if the lock is now held.</returns>
    public static bool TryEnter(object obj, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Scheduling.IsControlled ? MonitorState.Of(obj).TryEnter(callerFile, callerLine) : CoyoteMonitor.TryEnter(obj);

    /// <summary><see cref="Monitor.TryEnter(object, ref bool)"/>.</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="lockTaken">Set to true if the lock is now held; must be false on entry.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void TryEnter(object obj, ref bool lockTaken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (!Scheduling.IsControlled)
        {
            CoyoteMonitor.TryEnter(obj, ref lockTaken);
            return;
        }

        ThrowIfTaken(lockTaken);
        lockTaken = MonitorState.Of(obj).TryEnter(callerFile, callerLine);
    }

    /// <summary><see cref="Monitor.TryEnter(object, int)"/>: under test, waits for the lock as Coyote does (true).</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="millisecondsTimeout">Not modelled under test.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True if the lock is now held.</returns>
    public static bool TryEnter(object obj, int millisecondsTimeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Scheduling.IsControlled ? MonitorState.Of(obj).EnterTimed(callerFile, callerLine) : Monitor.TryEnter(obj, millisecondsTimeout);

    /// <summary><see cref="Monitor.TryEnter(object, TimeSpan)"/>: under test, waits for the lock as Coyote does (true).</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="timeout">Not modelled under test.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True if the lock is now held.</returns>
    public static bool TryEnter(object obj, TimeSpan timeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Scheduling.IsControlled ? MonitorState.Of(obj).EnterTimed(callerFile, callerLine) : CoyoteMonitor.TryEnter(obj, timeout);

    /// <summary><see cref="Monitor.TryEnter(object, int, ref bool)"/>: under test, waits for the lock as Coyote does.</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="millisecondsTimeout">Not modelled under test.</param>
    /// <param name="lockTaken">Set to true if the lock is now held; must be false on entry.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void TryEnter(object obj, int millisecondsTimeout, ref bool lockTaken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (!Scheduling.IsControlled)
        {
            CoyoteMonitor.TryEnter(obj, millisecondsTimeout, ref lockTaken);
            return;
        }

        ThrowIfTaken(lockTaken);
        lockTaken = MonitorState.Of(obj).EnterTimed(callerFile, callerLine);
    }

    /// <summary><see cref="Monitor.TryEnter(object, TimeSpan, ref bool)"/>: under test, waits for the lock as Coyote does.</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="timeout">Not modelled under test.</param>
    /// <param name="lockTaken">Set to true if the lock is now held; must be false on entry.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void TryEnter(object obj, TimeSpan timeout, ref bool lockTaken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (!Scheduling.IsControlled)
        {
            CoyoteMonitor.TryEnter(obj, timeout, ref lockTaken);
            return;
        }

        ThrowIfTaken(lockTaken);
        lockTaken = MonitorState.Of(obj).EnterTimed(callerFile, callerLine);
    }

    /// <summary><see cref="Monitor.Exit(object)"/>.</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Exit(object obj, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (!Scheduling.IsControlled)
        {
            CoyoteMonitor.Exit(obj);
            return;
        }

        MonitorState.Of(obj).Exit(callerFile, callerLine);
    }

    /// <summary><see cref="Monitor.IsEntered(object)"/>.</summary>
    /// <param name="obj">The object locked.</param>
    /// <returns>True if the calling task holds the lock.</returns>
    public static bool IsEntered(object obj) =>
        Scheduling.IsControlled ? MonitorState.Of(obj).IsHeldByCurrentTask : CoyoteMonitor.IsEntered(obj);

    /// <summary><see cref="Monitor.Wait(object)"/>.</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True, once the lock is held again after a pulse.</returns>
    public static bool Wait(object obj, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Scheduling.IsControlled ? MonitorState.Of(obj).Wait(callerFile, callerLine) : CoyoteMonitor.Wait(obj);

    /// <summary><see cref="Monitor.Wait(object, int)"/>: under test, waits for a pulse as Coyote does (true).</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="millisecondsTimeout">Not modelled under test.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True, once the lock is held again after a pulse.</returns>
    public static bool Wait(object obj, int millisecondsTimeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Scheduling.IsControlled ? MonitorState.Of(obj).Wait(callerFile, callerLine) : CoyoteMonitor.Wait(obj, millisecondsTimeout);

    /// <summary><see cref="Monitor.Wait(object, TimeSpan)"/>: under test, waits for a pulse as Coyote does (true).</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="timeout">Not modelled under test.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True, once the lock is held again after a pulse.</returns>
    public static bool Wait(object obj, TimeSpan timeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Scheduling.IsControlled ? MonitorState.Of(obj).Wait(callerFile, callerLine) : CoyoteMonitor.Wait(obj, timeout);

    /// <summary><see cref="Monitor.Wait(object, int, bool)"/>: under test, waits for a pulse as Coyote does (true).</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="millisecondsTimeout">Not modelled under test.</param>
    /// <param name="exitContext">Ignored, as .NET ignores it.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True, once the lock is held again after a pulse.</returns>
    public static bool Wait(object obj, int millisecondsTimeout, bool exitContext, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Scheduling.IsControlled ? MonitorState.Of(obj).Wait(callerFile, callerLine) : CoyoteMonitor.Wait(obj, millisecondsTimeout, exitContext);

    /// <summary><see cref="Monitor.Wait(object, TimeSpan, bool)"/>: under test, waits for a pulse as Coyote does (true).</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="timeout">Not modelled under test.</param>
    /// <param name="exitContext">Ignored, as .NET ignores it.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True, once the lock is held again after a pulse.</returns>
    public static bool Wait(object obj, TimeSpan timeout, bool exitContext, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Scheduling.IsControlled ? MonitorState.Of(obj).Wait(callerFile, callerLine) : CoyoteMonitor.Wait(obj, timeout, exitContext);

    /// <summary><see cref="Monitor.Pulse(object)"/>.</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Pulse(object obj, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (!Scheduling.IsControlled)
        {
            CoyoteMonitor.Pulse(obj);
            return;
        }

        MonitorState.Of(obj).Pulse(all: false, callerFile, callerLine);
    }

    /// <summary><see cref="Monitor.PulseAll(object)"/>.</summary>
    /// <param name="obj">The object locked.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void PulseAll(object obj, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (!Scheduling.IsControlled)
        {
            CoyoteMonitor.PulseAll(obj);
            return;
        }

        MonitorState.Of(obj).Pulse(all: true, callerFile, callerLine);
    }

    private static void ThrowIfTaken(bool lockTaken)
    {
        if (lockTaken)
        {
            throw new ArgumentException("The lockTaken argument must be false on entry.", nameof(lockTaken));
        }
    }
}
