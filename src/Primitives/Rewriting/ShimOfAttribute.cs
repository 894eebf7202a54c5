using System.ComponentModel;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// Marks a class whose public static methods stand in for those of <see cref="TargetType"/> in code that
/// <c>interleave test --rewrite</c> rewrote: a call to a method of the target with the same name, type
/// parameters and parameters is routed to the shim's method, which reports the operation and then does it.
/// A shim method may take two more parameters at the end, marked <c>[CallerFilePath]</c> and
/// <c>[CallerLineNumber]</c>: the rewriter passes the call's source line there, read from the PDB.
/// </summary>
/// <param name="targetType">The full name of the type whose calls are routed here.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ShimOfAttribute(string targetType) : Attribute
{
    /// <summary>The full name of the type whose calls are routed to the marked class.</summary>
    public string TargetType { get; } = targetType;
}
