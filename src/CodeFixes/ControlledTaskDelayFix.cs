using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Interleave.Analyzers.CodeFixes;

/// <summary>
/// ILV0002: <c>Task.Delay(delay[, token])</c> becomes <c>ControlledTask.Delay(delay[, token])</c>; a delay in
/// milliseconds becomes <c>TimeSpan.FromMilliseconds(ms)</c>. Named arguments are left to a person.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ControlledTaskDelayFix))]
[Shared]
public sealed class ControlledTaskDelayFix : SyntaxFix<InvocationExpressionSyntax>
{
    /// <summary>Creates the fix.</summary>
    public ControlledTaskDelayFix()
        : base(Rules.TaskDelay.Id)
    {
    }

    private protected override (SyntaxNode? Root, string? Title) Fix(SyntaxNode root, InvocationExpressionSyntax node, SemanticModel model, Diagnostic diagnostic)
    {
        if (node.Expression is not MemberAccessExpressionSyntax access
            || model.GetOperation(node) is not IInvocationOperation { TargetMethod.Parameters.Length: > 0 } invocation
            || node.ArgumentList.Arguments is not { Count: > 0 } arguments
            || arguments.Any(a => a.NameColon is not null))
        {
            return (null, null);
        }

        var delay = arguments[0];
        var fixedDelay = invocation.TargetMethod.Parameters[0].Type.SpecialType == SpecialType.System_Int32
            ? delay.WithExpression(
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeNames.Of("System.TimeSpan"), SyntaxFactory.IdentifierName("FromMilliseconds")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(delay.Expression.WithoutTrivia()))))
                .WithTriviaFrom(delay.Expression))
            : delay;
        var fixedCall = node
            .ReplaceNode(delay, fixedDelay)
            .WithExpression(TypeNames.OnControlledTask(access));
        return (root.ReplaceNode(node, fixedCall), FixTitles.ControlledTaskDelay);
    }
}
