using System.ComponentModel;
using Interleave.Primitives.Instrumentation;
using CoyoteAutoResetEvent = Microsoft.Coyote.Rewriting.Types.Threading.AutoResetEvent;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <c>new AutoResetEvent(...)</c> in rewritten code: under test, an event whose signal is kept in a
/// <see cref="ResetEventState"/> (its sets and waits go through <see cref="EventWaitHandleShim"/> and
/// <see cref="WaitHandleShim"/>); outside a test, Coyote's wrapper, which is <see cref="AutoResetEvent"/>.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.AutoResetEvent")]
public static class AutoResetEventShim
{
    /// <summary><see cref="AutoResetEvent(bool)"/>.</summary>
    /// <param name="initialState">True to start set.</param>
    /// <returns>The event.</returns>
    public static AutoResetEvent Create(bool initialState) =>
        Scheduling.IsControlled
            ? ResetEventState.Track(new AutoResetEvent(initialState), PrimitiveKind.AutoResetEvent, initialState)
            : CoyoteAutoResetEvent.Create(initialState);
}
