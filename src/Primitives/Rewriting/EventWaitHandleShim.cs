using System.ComponentModel;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using CoyoteEventWaitHandle = Microsoft.Coyote.Rewriting.Types.Threading.EventWaitHandle;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="EventWaitHandle"/> in rewritten code, <see cref="AutoResetEvent"/>'s and
/// <see cref="ManualResetEvent"/>'s <c>Set</c> and <c>Reset</c> included. An event created under test keeps its
/// signal in a <see cref="ResetEventState"/>: a set and a reset are scheduling points and steps of the
/// account with their lines, and a set is the release of a happens-before edge. One created elsewhere, and
/// every one outside a test, goes to Coyote's wrapper.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.EventWaitHandle")]
public static class EventWaitHandleShim
{
    /// <summary><see cref="EventWaitHandle(bool, EventResetMode)"/>.</summary>
    /// <param name="initialState">True to start set.</param>
    /// <param name="mode">Whether it resets itself after letting one waiter through.</param>
    /// <returns>The event.</returns>
    public static EventWaitHandle Create(bool initialState, EventResetMode mode) =>
        Create(initialState, mode, null, out _);

    /// <summary><see cref="EventWaitHandle(bool, EventResetMode, string)"/>.</summary>
    /// <param name="initialState">True to start set.</param>
    /// <param name="mode">Whether it resets itself after letting one waiter through.</param>
    /// <param name="name">The name of a system-wide event, or null.</param>
    /// <returns>The event.</returns>
    public static EventWaitHandle Create(bool initialState, EventResetMode mode, string? name) =>
        Create(initialState, mode, name, out _);

    /// <summary><see cref="EventWaitHandle(bool, EventResetMode, string, out bool)"/>: under test, an event of this test alone.</summary>
    /// <param name="initialState">True to start set.</param>
    /// <param name="mode">Whether it resets itself after letting one waiter through.</param>
    /// <param name="name">The name of a system-wide event, or null; ignored under test.</param>
    /// <param name="createdNew">True if the event is new: always, under test.</param>
    /// <returns>The event.</returns>
    public static EventWaitHandle Create(bool initialState, EventResetMode mode, string? name, out bool createdNew)
    {
        if (!Scheduling.IsControlled)
        {
            return CoyoteEventWaitHandle.Create(initialState, mode, name!, out createdNew);
        }

        createdNew = true;
        var kind = mode == EventResetMode.AutoReset ? PrimitiveKind.AutoResetEvent : PrimitiveKind.ManualResetEvent;
        return ResetEventState.Track(new EventWaitHandle(initialState, mode), kind, initialState);
    }

    /// <summary><see cref="EventWaitHandle.Set"/>.</summary>
    /// <param name="instance">The event.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True.</returns>
    public static bool Set(EventWaitHandle instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (ResetEventState.Of(instance) is not { } state)
        {
            return CoyoteEventWaitHandle.Set(instance);
        }

        state.Set(callerFile, callerLine);
        return true;
    }

    /// <summary><see cref="EventWaitHandle.Reset"/>.</summary>
    /// <param name="instance">The event.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True.</returns>
    public static bool Reset(EventWaitHandle instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (ResetEventState.Of(instance) is not { } state)
        {
            return CoyoteEventWaitHandle.Reset(instance);
        }

        state.Reset(callerFile, callerLine);
        return true;
    }
}
