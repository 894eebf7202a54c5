using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Interleave.Analyzers.CodeFixes;

/// <summary>
/// ILV0010: a read of the system clock (<c>DateTime.UtcNow</c>, <c>DateTime.Now</c>, <c>DateTimeOffset.UtcNow</c>,
/// <c>DateTimeOffset.Now</c>) becomes the same read of <c>ControlledTask.TimeProvider</c>, as the diagnostic names it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TimeProviderFix))]
[Shared]
public sealed class TimeProviderFix : SyntaxFix<MemberAccessExpressionSyntax>
{
    /// <summary>Creates the fix.</summary>
    public TimeProviderFix()
        : base(Rules.SystemClock.Id)
    {
    }

    private protected override (SyntaxNode? Root, string? Title) Fix(SyntaxNode root, MemberAccessExpressionSyntax node, SemanticModel model, Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(Rules.ReplacementProperty, out var replacement) && replacement is not null
            ? (root.ReplaceNode(node, TypeNames.WithControlledTask(replacement).WithTriviaFrom(node)), FixTitles.TimeProvider)
            : (null, null);
}
