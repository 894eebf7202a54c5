using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Interleave.Analyzers.CodeFixes;

/// <summary>
/// ILV0007: <c>await x.ConfigureAwait(false)</c> (or <c>await foreach</c> over one) becomes <c>await x</c>. A
/// configured awaitable kept in a variable or passed on is left to a person.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConfigureAwaitFix))]
[Shared]
public sealed class ConfigureAwaitFix : SyntaxFix<InvocationExpressionSyntax>
{
    /// <summary>Creates the fix.</summary>
    public ConfigureAwaitFix()
        : base(Rules.ConfigureAwaitFalse.Id)
    {
    }

    private protected override (SyntaxNode? Root, string? Title) Fix(SyntaxNode root, InvocationExpressionSyntax node, SemanticModel model, Diagnostic diagnostic) =>
        node.Expression is MemberAccessExpressionSyntax access && IsAwaited(node)
            ? (root.ReplaceNode(node, access.Expression.WithTriviaFrom(node)), FixTitles.RemoveConfigureAwait)
            : (null, null);

    private static bool IsAwaited(InvocationExpressionSyntax node) => node.Parent switch
    {
        AwaitExpressionSyntax => true,
        ForEachStatementSyntax loop => loop.AwaitKeyword.RawKind != 0 && loop.Expression == node,
        _ => false,
    };
}
