using System.Diagnostics;

namespace Interleave.Primitives;

/// <summary>
/// Returned by <c>AcquireAsync</c>; disposing it releases what was acquired, so
/// <c>using (await gate.AcquireAsync()) { ... }</c> is the C# form of asyncio's <c>async with gate:</c>.
/// </summary>
/// <remarks>
/// A struct, so the uncontended acquire allocates nothing. Dispose it exactly once; a default
/// <see cref="Releaser"/> releases nothing. Manual <c>Release()</c> in a <c>finally</c> works too.
/// </remarks>
[DebuggerDisplay("Releaser for {_target}")]
public readonly struct Releaser : IDisposable
{
    private readonly IReleasable? _target;

    internal Releaser(IReleasable target) => _target = target;

    /// <summary>Releases the lock, semaphore or condition this releaser was returned by.</summary>
    public void Dispose() => _target?.ReleaseFromReleaser();
}
