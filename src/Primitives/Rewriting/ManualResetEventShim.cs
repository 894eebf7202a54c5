using System.ComponentModel;
using Interleave.Primitives.Instrumentation;
using CoyoteManualResetEvent = Microsoft.Coyote.Rewriting.Types.Threading.ManualResetEvent;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <c>new ManualResetEvent(...)</c> in rewritten code: under test, an event whose signal is kept in a
/// <see cref="ResetEventState"/> (its sets and waits go through <see cref="EventWaitHandleShim"/> and
/// <see cref="WaitHandleShim"/>); outside a test, Coyote's wrapper, which is <see cref="ManualResetEvent"/>.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.ManualResetEvent")]
public static class ManualResetEventShim
{
    /// <summary><see cref="ManualResetEvent(bool)"/>.</summary>
    /// <param name="initialState">True to start set.</param>
    /// <returns>The event.</returns>
    public static ManualResetEvent Create(bool initialState) =>
        Scheduling.IsControlled
            ? ResetEventState.Track(new ManualResetEvent(initialState), PrimitiveKind.ManualResetEvent, initialState)
            : CoyoteManualResetEvent.Create(initialState);
}
