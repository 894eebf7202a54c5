using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Interleave.Analyzers.CodeFixes;

/// <summary>
/// A code fix that rewrites the node a diagnostic is reported on, offered only where the rewrite is mechanical:
/// each fix says, for the node in hand, what the document becomes, or that it cannot say.
/// </summary>
/// <typeparam name="TNode">The kind of node the diagnostic is reported on.</typeparam>
public abstract class SyntaxFix<TNode> : CodeFixProvider
    where TNode : SyntaxNode
{
    private readonly string _id;

    /// <summary>Creates a fix for diagnostic <paramref name="id"/>.</summary>
    /// <param name="id">The diagnostic's ID.</param>
    private protected SyntaxFix(string id) => _id = id;

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds => [_id];

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is TNode node
                && Fix(root, node, model, diagnostic) is ({ } fixedRoot, { } title))
            {
                // The names the fix wrote in full (TypeNames) get their usings here; the cleanup after it shortens them.
                context.RegisterCodeFix(
                    CodeAction.Create(title, token => ImportAdder.AddImportsAsync(document.WithSyntaxRoot(fixedRoot), Simplifier.AddImportsAnnotation, cancellationToken: token), title),
                    diagnostic);
            }
        }
    }

    /// <summary>The fixed root and the fix's title, or nulls where the fix is not mechanical.</summary>
    private protected abstract (SyntaxNode? Root, string? Title) Fix(SyntaxNode root, TNode node, SemanticModel model, Diagnostic diagnostic);
}
