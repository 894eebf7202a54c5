using System.ComponentModel;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// Stamped on an assembly whose calls <c>interleave test --rewrite</c> routed through the shims of
/// <see cref="ShimOfAttribute"/>, so that a rewritten assembly is never rewritten twice.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ShimsAppliedAttribute : Attribute
{
}
