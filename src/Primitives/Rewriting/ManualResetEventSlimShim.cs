using System.ComponentModel;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="ManualResetEventSlim"/> in rewritten code, which Coyote 1.7.11 does not control (its rewriting only
/// warns of the call, and a wait blocks its thread): the rewriter routes its construction and its members here
/// and drops Coyote's warning. An event created under test keeps its signal in a <see cref="ResetEventState"/>:
/// a set, a reset and a wait are scheduling points and steps of the account with their lines, a wait pauses
/// on a condition Coyote sees and is in the wait-for graph, and a set and a wait are the release and acquire
/// of a happens-before edge (asyncio <c>Event</c>). Outside a test, and for one created elsewhere, each member
/// is .NET's own.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("System.Threading.ManualResetEventSlim")]
public static class ManualResetEventSlimShim
{
    /// <summary><see cref="ManualResetEventSlim()"/>.</summary>
    /// <returns>The event, clear.</returns>
    public static ManualResetEventSlim Create() => Create(false);

    /// <summary><see cref="ManualResetEventSlim(bool)"/>.</summary>
    /// <param name="initialState">True to start set.</param>
    /// <returns>The event.</returns>
    public static ManualResetEventSlim Create(bool initialState) =>
        Track(new ManualResetEventSlim(initialState), initialState);

    /// <summary><see cref="ManualResetEventSlim(bool, int)"/>.</summary>
    /// <param name="initialState">True to start set.</param>
    /// <param name="spinCount">How often a wait spins before it blocks; nothing spins under test.</param>
    /// <returns>The event.</returns>
    public static ManualResetEventSlim Create(bool initialState, int spinCount) =>
        Track(new ManualResetEventSlim(initialState, spinCount), initialState);

    /// <summary><see cref="ManualResetEventSlim.IsSet"/>.</summary>
    /// <param name="instance">The event.</param>
    /// <returns>True if it is set.</returns>
    public static bool get_IsSet(ManualResetEventSlim instance) =>
        ResetEventState.Of(instance)?.IsSet ?? instance.IsSet;

    /// <summary><see cref="ManualResetEventSlim.Set()"/>.</summary>
    /// <param name="instance">The event.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Set(ManualResetEventSlim instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (ResetEventState.Of(instance) is { } state)
        {
            state.Set(callerFile, callerLine);
            return;
        }

        instance.Set();
    }

    /// <summary><see cref="ManualResetEventSlim.Reset()"/>.</summary>
    /// <param name="instance">The event.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Reset(ManualResetEventSlim instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (ResetEventState.Of(instance) is { } state)
        {
            state.Reset(callerFile, callerLine);
            return;
        }

        instance.Reset();
    }

    /// <summary><see cref="ManualResetEventSlim.Wait()"/> and its overloads.</summary>
    /// <param name="instance">The event.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Wait(ManualResetEventSlim instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (ResetEventState.Of(instance) is { } state)
        {
            state.Wait(Timeout.Infinite, CancellationToken.None, callerFile, callerLine);
            return;
        }

        instance.Wait();
    }

    /// <summary><see cref="ManualResetEventSlim.Wait()"/> and its overloads.</summary>
    /// <param name="instance">The event.</param>
    /// <param name="millisecondsTimeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once it is set; false if a zero timeout found it clear.</returns>
    public static bool Wait(ManualResetEventSlim instance, int millisecondsTimeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.Of(instance) is { } state ? state.Wait(millisecondsTimeout, CancellationToken.None, callerFile, callerLine) : instance.Wait(millisecondsTimeout);

    /// <summary><see cref="ManualResetEventSlim.Wait()"/> and its overloads.</summary>
    /// <param name="instance">The event.</param>
    /// <param name="timeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once it is set; false if a zero timeout found it clear.</returns>
    public static bool Wait(ManualResetEventSlim instance, TimeSpan timeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.Of(instance) is { } state ? state.Wait(Timeouts.Milliseconds(timeout), CancellationToken.None, callerFile, callerLine) : instance.Wait(timeout);

    /// <summary><see cref="ManualResetEventSlim.Wait()"/> and its overloads.</summary>
    /// <param name="instance">The event.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Wait(ManualResetEventSlim instance, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (ResetEventState.Of(instance) is { } state)
        {
            state.Wait(Timeout.Infinite, cancellationToken, callerFile, callerLine);
            return;
        }

        instance.Wait(cancellationToken);
    }

    /// <summary><see cref="ManualResetEventSlim.Wait()"/> and its overloads.</summary>
    /// <param name="instance">The event.</param>
    /// <param name="millisecondsTimeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once it is set; false if a zero timeout found it clear.</returns>
    public static bool Wait(ManualResetEventSlim instance, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.Of(instance) is { } state ? state.Wait(millisecondsTimeout, cancellationToken, callerFile, callerLine) : instance.Wait(millisecondsTimeout, cancellationToken);

    /// <summary><see cref="ManualResetEventSlim.Wait()"/> and its overloads.</summary>
    /// <param name="instance">The event.</param>
    /// <param name="timeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True once it is set; false if a zero timeout found it clear.</returns>
    public static bool Wait(ManualResetEventSlim instance, TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        ResetEventState.Of(instance) is { } state ? state.Wait(Timeouts.Milliseconds(timeout), cancellationToken, callerFile, callerLine) : instance.Wait(timeout, cancellationToken);

    private static ManualResetEventSlim Track(ManualResetEventSlim instance, bool initialState) =>
        Scheduling.IsControlled ? ResetEventState.Track(instance, PrimitiveKind.ManualResetEventSlim, initialState) : instance;
}
