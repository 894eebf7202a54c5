using System.ComponentModel;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// Stamped, beside <see cref="ShimsAppliedAttribute"/>, on an assembly whose field reads and writes the
/// rewriter routed through <see cref="FieldAccessShim"/> (<c>--observe-fields</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class FieldsObservedAttribute : Attribute
{
}
