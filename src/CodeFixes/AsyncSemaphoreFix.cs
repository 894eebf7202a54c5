using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Interleave.Analyzers.CodeFixes;

/// <summary>
/// ILV0005: a local or private field initialised with <c>new SemaphoreSlim(n)</c> becomes an
/// <c>AsyncSemaphore(n)</c>, and one initialised with <c>new SemaphoreSlim(n, n)</c> an
/// <c>AsyncBoundedSemaphore(n)</c> (both throw <c>SemaphoreFullException</c> past the bound), with its uses
/// rewritten: <c>await s.WaitAsync([token]);</c> becomes <c>await s.AcquireAsync([token]);</c>, while
/// <c>s.Release();</c> and <c>s.CurrentCount</c> read the same on both.
/// </summary>
/// <remarks>
/// Offered only where those are the variable's only uses, all of them in this document: a timed or synchronous
/// wait, <c>Release(n)</c>, <c>Dispose</c>, the wait handle, or the semaphore passed on have no mechanical
/// equivalent, and neither has <c>new SemaphoreSlim(n, max)</c> with another maximum.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AsyncSemaphoreFix))]
[Shared]
public sealed class AsyncSemaphoreFix : SyntaxFix<BaseObjectCreationExpressionSyntax>
{
    private const string AcquireAsync = "AcquireAsync";

    /// <summary>Creates the fix.</summary>
    public AsyncSemaphoreFix()
        : base(Rules.SemaphoreSlim.Id)
    {
    }

    private protected override (SyntaxNode? Root, string? Title) Fix(SyntaxNode root, BaseObjectCreationExpressionSyntax node, SemanticModel model, Diagnostic diagnostic)
    {
        if (Primitive(node, model) is not { } primitive
            || node.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
            || !IsPlainDeclaration(declaration)
            || !IsConfinedToDocument(model.GetDeclaredSymbol(declarator))
            || WaitsToRename(root, model, model.GetDeclaredSymbol(declarator)!) is not { } waits)
        {
            return (null, null);
        }

        var rewritten = new List<SyntaxNode>(waits) { node };
        if (!declaration.Type.IsVar)
        {
            rewritten.Add(declaration.Type);
        }

        var fixedRoot = root.ReplaceNodes(rewritten, (original, current) => current switch
        {
            BaseObjectCreationExpressionSyntax creation => Created(creation, TypeNames.Primitive(primitive)),
            IdentifierNameSyntax wait when waits.Contains(original) => SyntaxFactory.IdentifierName(AcquireAsync).WithTriviaFrom(wait),
            _ => TypeNames.Primitive(primitive).WithTriviaFrom(current),
        });
        return (fixedRoot, FixTitles.Semaphore(primitive));
    }

    // new SemaphoreSlim(n): AsyncSemaphore; new SemaphoreSlim(n, n), the same constant twice: AsyncBoundedSemaphore.
    private static string? Primitive(BaseObjectCreationExpressionSyntax node, SemanticModel model)
    {
        var arguments = node.ArgumentList?.Arguments ?? default;
        if (arguments.Any(a => a.NameColon is not null))
        {
            return null;
        }

        return arguments.Count switch
        {
            1 => "AsyncSemaphore",
            2 when model.GetConstantValue(arguments[0].Expression) is { HasValue: true } initial
                && model.GetConstantValue(arguments[1].Expression) is { HasValue: true } maximum
                && Equals(initial.Value, maximum.Value) => "AsyncBoundedSemaphore",
            _ => null,
        };
    }

    // The primitive, given the initial count only.
    private static BaseObjectCreationExpressionSyntax Created(BaseObjectCreationExpressionSyntax creation, TypeSyntax primitive)
    {
        var arguments = creation.ArgumentList!;
        var typed = creation is ObjectCreationExpressionSyntax explicitType
            ? explicitType.WithType(primitive.WithTriviaFrom(explicitType.Type))
            : creation;
        return typed.WithArgumentList(arguments.WithArguments(SyntaxFactory.SingletonSeparatedList(arguments.Arguments[0])));
    }

    // A field, or a local that no using, await using or const declares.
    private static bool IsPlainDeclaration(VariableDeclarationSyntax declaration) => declaration.Parent switch
    {
        FieldDeclarationSyntax => true,
        LocalDeclarationStatementSyntax local => local.UsingKeyword.RawKind == 0 && !local.IsConst,
        _ => false,
    };

    // Every use of a local, or of a private field of a type declared in one place, is in this document.
    private static bool IsConfinedToDocument(ISymbol? variable) => variable switch
    {
        ILocalSymbol => true,
        IFieldSymbol { DeclaredAccessibility: Accessibility.Private } field => field.ContainingType.DeclaringSyntaxReferences.Length == 1,
        _ => false,
    };

    /// <summary>The names of the variable's <c>WaitAsync</c> calls, or null if any use of it is not mechanical to rewrite.</summary>
    private static List<SyntaxNode>? WaitsToRename(SyntaxNode root, SemanticModel model, ISymbol variable)
    {
        var waits = new List<SyntaxNode>();
        foreach (var use in root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (use.Identifier.ValueText != variable.Name || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use).Symbol, variable))
            {
                continue;
            }

            // this._gate or Owner._gate: the member access is the use.
            SyntaxNode receiver = use.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == use ? qualified : use;
            if (receiver.Parent is not MemberAccessExpressionSyntax member || member.Expression != receiver)
            {
                return null;
            }

            switch (member.Name.Identifier.ValueText)
            {
                case "CurrentCount":
                    break;
                case "Release" when member.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Parent: ExpressionStatementSyntax }:
                    break;
                case "WaitAsync" when member.Parent is InvocationExpressionSyntax { Parent: AwaitExpressionSyntax { Parent: ExpressionStatementSyntax } } wait
                    && TakesAtMostAToken(wait, model):
                    waits.Add(member.Name);
                    break;
                default:
                    return null;
            }
        }

        return waits;
    }

    // WaitAsync() or WaitAsync(token): AcquireAsync takes the same.
    private static bool TakesAtMostAToken(InvocationExpressionSyntax wait, SemanticModel model) => wait.ArgumentList.Arguments switch
    {
        { Count: 0 } => true,
        { Count: 1 } arguments => arguments[0].NameColon is null
            && model.GetTypeInfo(arguments[0].Expression).Type?.ToDisplayString() == "System.Threading.CancellationToken",
        _ => false,
    };
}
