using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Interleave.Analyzers.CodeFixes;

/// <summary>
/// The type names the fixes write: in full and annotated, so that the fix adds the using they need
/// (<see cref="SyntaxFix{TNode}"/>) and its cleanup shortens them to the name alone.
/// </summary>
internal static class TypeNames
{
    internal const string ControlledTask = "ControlledTask";

    private const string PrimitivesNamespace = "Interleave.Primitives.";

    /// <summary>The type <paramref name="fullName"/> (<c>System.TimeSpan</c>).</summary>
    internal static TypeSyntax Of(string fullName) =>
        SyntaxFactory.ParseTypeName("global::" + fullName).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary>The primitive <paramref name="name"/> of <c>Interleave.Primitives</c>.</summary>
    internal static TypeSyntax Primitive(string name) => Of(PrimitivesNamespace + name);

    /// <summary><c>Task.Run</c>, <c>Task.Delay</c>: the same member of <c>ControlledTask</c>.</summary>
    internal static MemberAccessExpressionSyntax OnControlledTask(MemberAccessExpressionSyntax access) =>
        access.WithExpression(Primitive(ControlledTask).WithTriviaFrom(access.Expression));

    /// <summary><paramref name="expression"/> (as a diagnostic names it) with each <c>ControlledTask</c> in it written in full.</summary>
    internal static ExpressionSyntax WithControlledTask(string expression)
    {
        var parsed = SyntaxFactory.ParseExpression(expression);
        return parsed.ReplaceNodes(
            parsed.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == ControlledTask),
            (_, _) => Primitive(ControlledTask));
    }
}
