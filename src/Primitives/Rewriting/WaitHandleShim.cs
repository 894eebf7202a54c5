using System.ComponentModel;
using System.Runtime.CompilerServices;
using CoyoteWaitHandle = Microsoft.Coyote.Rewriting.Types.Threading.WaitHandle;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// The waits of <see cref="WaitHandle"/> in rewritten code (<c>WaitOne</c>, <c>WaitAll</c>, <c>WaitAny</c>). On
/// events created under test (<see cref="ResetEventState"/>) a wait is a scheduling point and a step of the
/// account with its line, pauses on a condition Coyote sees while the event is clear, is in the wait-for graph,
/// and is the acquire of a happens-before edge. On any other handle, and outside a test, it is Coyote's wrapper.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.WaitHandle")]
public static class WaitHandleShim
{
    /// <summary><see cref="WaitHandle.WaitOne()"/> and its overloads.</summary>
    /// <param name="instance">The handle.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once it is set; false if a zero timeout found it clear.</returns>
    public static bool WaitOne(WaitHandle instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.Of(instance) is { } state
            ? state.Wait(Timeout.Infinite, CancellationToken.None, callerFile, callerLine)
            : CoyoteWaitHandle.WaitOne(instance);

    /// <summary><see cref="WaitHandle.WaitOne()"/> and its overloads.</summary>
    /// <param name="instance">The handle.</param>
    /// <param name="timeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once it is set; false if a zero timeout found it clear.</returns>
    public static bool WaitOne(WaitHandle instance, TimeSpan timeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.Of(instance) is { } state
            ? state.Wait(Timeouts.Milliseconds(timeout), CancellationToken.None, callerFile, callerLine)
            : CoyoteWaitHandle.WaitOne(instance, timeout);

    /// <summary><see cref="WaitHandle.WaitOne()"/> and its overloads.</summary>
    /// <param name="instance">The handle.</param>
    /// <param name="millisecondsTimeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once it is set; false if a zero timeout found it clear.</returns>
    public static bool WaitOne(WaitHandle instance, int millisecondsTimeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.Of(instance) is { } state
            ? state.Wait(millisecondsTimeout, CancellationToken.None, callerFile, callerLine)
            : CoyoteWaitHandle.WaitOne(instance, millisecondsTimeout);

    /// <summary><see cref="WaitHandle.WaitOne()"/> and its overloads.</summary>
    /// <param name="instance">The handle.</param>
    /// <param name="timeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="exitContext">Ignored, as .NET ignores it.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once it is set; false if a zero timeout found it clear.</returns>
    public static bool WaitOne(WaitHandle instance, TimeSpan timeout, bool exitContext, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.Of(instance) is { } state
            ? state.Wait(Timeouts.Milliseconds(timeout), CancellationToken.None, callerFile, callerLine)
            : CoyoteWaitHandle.WaitOne(instance, timeout, exitContext);

    /// <summary><see cref="WaitHandle.WaitOne()"/> and its overloads.</summary>
    /// <param name="instance">The handle.</param>
    /// <param name="millisecondsTimeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="exitContext">Ignored, as .NET ignores it.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once it is set; false if a zero timeout found it clear.</returns>
    public static bool WaitOne(WaitHandle instance, int millisecondsTimeout, bool exitContext, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.Of(instance) is { } state
            ? state.Wait(millisecondsTimeout, CancellationToken.None, callerFile, callerLine)
            : CoyoteWaitHandle.WaitOne(instance, millisecondsTimeout, exitContext);

    /// <summary><see cref="WaitHandle.WaitAll(WaitHandle[])"/> and its overloads.</summary>
    /// <param name="waitHandles">The handles.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once every handle is set; false if a zero timeout found one clear.</returns>
    public static bool WaitAll(WaitHandle[] waitHandles, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.OfAll(waitHandles) is { } states
            ? ResetEventState.WaitAll(states, Timeout.Infinite, callerFile, callerLine)
            : CoyoteWaitHandle.WaitAll(waitHandles);

    /// <summary><see cref="WaitHandle.WaitAll(WaitHandle[])"/> and its overloads.</summary>
    /// <param name="waitHandles">The handles.</param>
    /// <param name="timeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once every handle is set; false if a zero timeout found one clear.</returns>
    public static bool WaitAll(WaitHandle[] waitHandles, TimeSpan timeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.OfAll(waitHandles) is { } states
            ? ResetEventState.WaitAll(states, Timeouts.Milliseconds(timeout), callerFile, callerLine)
            : CoyoteWaitHandle.WaitAll(waitHandles, timeout);

    /// <summary><see cref="WaitHandle.WaitAll(WaitHandle[])"/> and its overloads.</summary>
    /// <param name="waitHandles">The handles.</param>
    /// <param name="millisecondsTimeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once every handle is set; false if a zero timeout found one clear.</returns>
    public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.OfAll(waitHandles) is { } states
            ? ResetEventState.WaitAll(states, millisecondsTimeout, callerFile, callerLine)
            : CoyoteWaitHandle.WaitAll(waitHandles, millisecondsTimeout);

    /// <summary><see cref="WaitHandle.WaitAll(WaitHandle[])"/> and its overloads.</summary>
    /// <param name="waitHandles">The handles.</param>
    /// <param name="timeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="exitContext">Ignored, as .NET ignores it.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once every handle is set; false if a zero timeout found one clear.</returns>
    public static bool WaitAll(WaitHandle[] waitHandles, TimeSpan timeout, bool exitContext, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.OfAll(waitHandles) is { } states
            ? ResetEventState.WaitAll(states, Timeouts.Milliseconds(timeout), callerFile, callerLine)
            : CoyoteWaitHandle.WaitAll(waitHandles, timeout, exitContext);

    /// <summary><see cref="WaitHandle.WaitAll(WaitHandle[])"/> and its overloads.</summary>
    /// <param name="waitHandles">The handles.</param>
    /// <param name="millisecondsTimeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="exitContext">Ignored, as .NET ignores it.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once every handle is set; false if a zero timeout found one clear.</returns>
    public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.OfAll(waitHandles) is { } states
            ? ResetEventState.WaitAll(states, millisecondsTimeout, callerFile, callerLine)
            : CoyoteWaitHandle.WaitAll(waitHandles, millisecondsTimeout, exitContext);

    /// <summary><see cref="WaitHandle.WaitAny(WaitHandle[])"/> and its overloads.</summary>
    /// <param name="waitHandles">The handles.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The index of the handle taken, or <see cref="WaitHandle.WaitTimeout"/> if a zero timeout found none set.</returns>
    public static int WaitAny(WaitHandle[] waitHandles, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.OfAll(waitHandles) is { } states
            ? ResetEventState.WaitAny(states, Timeout.Infinite, callerFile, callerLine)
            : CoyoteWaitHandle.WaitAny(waitHandles);

    /// <summary><see cref="WaitHandle.WaitAny(WaitHandle[])"/> and its overloads.</summary>
    /// <param name="waitHandles">The handles.</param>
    /// <param name="timeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The index of the handle taken, or <see cref="WaitHandle.WaitTimeout"/> if a zero timeout found none set.</returns>
    public static int WaitAny(WaitHandle[] waitHandles, TimeSpan timeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.OfAll(waitHandles) is { } states
            ? ResetEventState.WaitAny(states, Timeouts.Milliseconds(timeout), callerFile, callerLine)
            : CoyoteWaitHandle.WaitAny(waitHandles, timeout);

    /// <summary><see cref="WaitHandle.WaitAny(WaitHandle[])"/> and its overloads.</summary>
    /// <param name="waitHandles">The handles.</param>
    /// <param name="millisecondsTimeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The index of the handle taken, or <see cref="WaitHandle.WaitTimeout"/> if a zero timeout found none set.</returns>
    public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.OfAll(waitHandles) is { } states
            ? ResetEventState.WaitAny(states, millisecondsTimeout, callerFile, callerLine)
            : CoyoteWaitHandle.WaitAny(waitHandles, millisecondsTimeout);

    /// <summary><see cref="WaitHandle.WaitAny(WaitHandle[])"/> and its overloads.</summary>
    /// <param name="waitHandles">The handles.</param>
    /// <param name="timeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="exitContext">Ignored, as .NET ignores it.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The index of the handle taken, or <see cref="WaitHandle.WaitTimeout"/> if a zero timeout found none set.</returns>
    public static int WaitAny(WaitHandle[] waitHandles, TimeSpan timeout, bool exitContext, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.OfAll(waitHandles) is { } states
            ? ResetEventState.WaitAny(states, Timeouts.Milliseconds(timeout), callerFile, callerLine)
            : CoyoteWaitHandle.WaitAny(waitHandles, timeout, exitContext);

    /// <summary><see cref="WaitHandle.WaitAny(WaitHandle[])"/> and its overloads.</summary>
    /// <param name="waitHandles">The handles.</param>
    /// <param name="millisecondsTimeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="exitContext">Ignored, as .NET ignores it.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The index of the handle taken, or <see cref="WaitHandle.WaitTimeout"/> if a zero timeout found none set.</returns>
    public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.OfAll(waitHandles) is { } states
            ? ResetEventState.WaitAny(states, millisecondsTimeout, callerFile, callerLine)
            : CoyoteWaitHandle.WaitAny(waitHandles, millisecondsTimeout, exitContext);
}
