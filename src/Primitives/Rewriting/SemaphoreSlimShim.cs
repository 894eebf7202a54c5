using System.ComponentModel;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using CoyoteSemaphoreSlim = Microsoft.Coyote.Rewriting.Types.Threading.SemaphoreSlim;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="SemaphoreSlim"/> in rewritten code. A semaphore created under test keeps its count and waiters in a
/// <see cref="SemaphoreSlimState"/> beside it: its waits pause on conditions Coyote sees, its acquires and
/// releases are steps of the account with their lines, and its waits are in the wait-for graph. One created
/// elsewhere, and every one outside a test, goes to Coyote's wrapper, which is <see cref="SemaphoreSlim"/>.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.SemaphoreSlim")]
public static class SemaphoreSlimShim
{
    /// <summary><see cref="SemaphoreSlim(int)"/>.</summary>
    /// <param name="initialCount">The permits at first.</param>
    /// <returns>The semaphore.</returns>
    public static SemaphoreSlim Create(int initialCount) =>
        Create(initialCount, int.MaxValue);

    /// <summary><see cref="SemaphoreSlim(int, int)"/>.</summary>
    /// <param name="initialCount">The permits at first.</param>
    /// <param name="maxCount">The most permits it may hold.</param>
    /// <returns>The semaphore.</returns>
    public static SemaphoreSlim Create(int initialCount, int maxCount) =>
        Scheduling.IsControlled ? SemaphoreSlimState.Create(initialCount, maxCount) : CoyoteSemaphoreSlim.Create(initialCount, maxCount);

    /// <summary><see cref="SemaphoreSlim.CurrentCount"/>.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <returns>The permits free now.</returns>
    public static int get_CurrentCount(SemaphoreSlim instance) =>
        SemaphoreSlimState.Of(instance)?.Count ?? CoyoteSemaphoreSlim.get_CurrentCount(instance);

    /// <summary><see cref="SemaphoreSlim.AvailableWaitHandle"/>, which Coyote does not support under test.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <returns>The wait handle.</returns>
    public static WaitHandle get_AvailableWaitHandle(SemaphoreSlim instance) =>
        CoyoteSemaphoreSlim.get_AvailableWaitHandle(instance);

    /// <summary><see cref="SemaphoreSlim.Wait()"/> and its overloads.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Wait(SemaphoreSlim instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (SemaphoreSlimState.Of(instance) is { } state)
        {
            state.Wait(Timeout.Infinite, CancellationToken.None, callerFile, callerLine);
            return;
        }

        CoyoteSemaphoreSlim.Wait(instance);
    }

    /// <summary><see cref="SemaphoreSlim.Wait()"/> and its overloads.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="millisecondsTimeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True with a permit; false if a zero timeout found none.</returns>
    public static bool Wait(SemaphoreSlim instance, int millisecondsTimeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        SemaphoreSlimState.Of(instance) is { } state ? state.Wait(millisecondsTimeout, CancellationToken.None, callerFile, callerLine) : CoyoteSemaphoreSlim.Wait(instance, millisecondsTimeout);

    /// <summary><see cref="SemaphoreSlim.Wait()"/> and its overloads.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="timeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True with a permit; false if a zero timeout found none.</returns>
    public static bool Wait(SemaphoreSlim instance, TimeSpan timeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        SemaphoreSlimState.Of(instance) is { } state ? state.Wait(Timeouts.Milliseconds(timeout), CancellationToken.None, callerFile, callerLine) : CoyoteSemaphoreSlim.Wait(instance, timeout);

    /// <summary><see cref="SemaphoreSlim.Wait()"/> and its overloads.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Wait(SemaphoreSlim instance, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (SemaphoreSlimState.Of(instance) is { } state)
        {
            state.Wait(Timeout.Infinite, cancellationToken, callerFile, callerLine);
            return;
        }

        CoyoteSemaphoreSlim.Wait(instance, cancellationToken);
    }

    /// <summary><see cref="SemaphoreSlim.Wait()"/> and its overloads.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="millisecondsTimeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True with a permit; false if a zero timeout found none.</returns>
    public static bool Wait(SemaphoreSlim instance, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        SemaphoreSlimState.Of(instance) is { } state ? state.Wait(millisecondsTimeout, cancellationToken, callerFile, callerLine) : CoyoteSemaphoreSlim.Wait(instance, millisecondsTimeout, cancellationToken);

    /// <summary><see cref="SemaphoreSlim.Wait()"/> and its overloads.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="timeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>True with a permit; false if a zero timeout found none.</returns>
    public static bool Wait(SemaphoreSlim instance, TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        SemaphoreSlimState.Of(instance) is { } state ? state.Wait(Timeouts.Milliseconds(timeout), cancellationToken, callerFile, callerLine) : CoyoteSemaphoreSlim.Wait(instance, timeout, cancellationToken);

    /// <summary><see cref="SemaphoreSlim.WaitAsync()"/> and its overloads.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>A task that completes with a permit.</returns>
    public static Task WaitAsync(SemaphoreSlim instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        SemaphoreSlimState.Of(instance) is { } state ? state.WaitAsync(Timeout.Infinite, CancellationToken.None, callerFile, callerLine) : CoyoteSemaphoreSlim.WaitAsync(instance);

    /// <summary><see cref="SemaphoreSlim.WaitAsync()"/> and its overloads.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="millisecondsTimeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>A task that completes with a permit (true), or false if a zero timeout found none.</returns>
    public static Task<bool> WaitAsync(SemaphoreSlim instance, int millisecondsTimeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        SemaphoreSlimState.Of(instance) is { } state ? state.WaitAsync(millisecondsTimeout, CancellationToken.None, callerFile, callerLine) : CoyoteSemaphoreSlim.WaitAsync(instance, millisecondsTimeout);

    /// <summary><see cref="SemaphoreSlim.WaitAsync()"/> and its overloads.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="timeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>A task that completes with a permit (true), or false if a zero timeout found none.</returns>
    public static Task<bool> WaitAsync(SemaphoreSlim instance, TimeSpan timeout, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        SemaphoreSlimState.Of(instance) is { } state ? state.WaitAsync(Timeouts.Milliseconds(timeout), CancellationToken.None, callerFile, callerLine) : CoyoteSemaphoreSlim.WaitAsync(instance, timeout);

    /// <summary><see cref="SemaphoreSlim.WaitAsync()"/> and its overloads.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>A task that completes with a permit.</returns>
    public static Task WaitAsync(SemaphoreSlim instance, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        SemaphoreSlimState.Of(instance) is { } state ? state.WaitAsync(Timeout.Infinite, cancellationToken, callerFile, callerLine) : CoyoteSemaphoreSlim.WaitAsync(instance, cancellationToken);

    /// <summary><see cref="SemaphoreSlim.WaitAsync()"/> and its overloads.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="millisecondsTimeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>A task that completes with a permit (true), or false if a zero timeout found none.</returns>
    public static Task<bool> WaitAsync(SemaphoreSlim instance, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        SemaphoreSlimState.Of(instance) is { } state ? state.WaitAsync(millisecondsTimeout, cancellationToken, callerFile, callerLine) : CoyoteSemaphoreSlim.WaitAsync(instance, millisecondsTimeout, cancellationToken);

    /// <summary><see cref="SemaphoreSlim.WaitAsync()"/> and its overloads.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="timeout">Zero tries at once; under test any other waits as an infinite one.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>A task that completes with a permit (true), or false if a zero timeout found none.</returns>
    public static Task<bool> WaitAsync(SemaphoreSlim instance, TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        SemaphoreSlimState.Of(instance) is { } state ? state.WaitAsync(Timeouts.Milliseconds(timeout), cancellationToken, callerFile, callerLine) : CoyoteSemaphoreSlim.WaitAsync(instance, timeout, cancellationToken);

    /// <summary><see cref="SemaphoreSlim.Release()"/>.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The count before the release.</returns>
    public static int Release(SemaphoreSlim instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        SemaphoreSlimState.Of(instance) is { } state ? state.Release(1, callerFile, callerLine) : CoyoteSemaphoreSlim.Release(instance);

    /// <summary><see cref="SemaphoreSlim.Release(int)"/>.</summary>
    /// <param name="instance">The semaphore.</param>
    /// <param name="releaseCount">The permits to give back.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The count before the release.</returns>
    public static int Release(SemaphoreSlim instance, int releaseCount, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        SemaphoreSlimState.Of(instance) is { } state ? state.Release(releaseCount, callerFile, callerLine) : CoyoteSemaphoreSlim.Release(instance, releaseCount);
}
