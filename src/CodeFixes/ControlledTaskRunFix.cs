using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Interleave.Analyzers.CodeFixes;

/// <summary>
/// ILV0001: <c>Task.Run(body)</c> becomes <c>ControlledTask.Run(body)</c> where the body is asynchronous
/// (a <c>Func&lt;Task&gt;</c> or <c>Func&lt;Task&lt;T&gt;&gt;</c>) and nothing else is passed: the overloads that
/// ControlledTask has. A synchronous body, a cancellation token or <c>Task.Factory.StartNew</c> need a person.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ControlledTaskRunFix))]
[Shared]
public sealed class ControlledTaskRunFix : SyntaxFix<InvocationExpressionSyntax>
{
    /// <summary>Creates the fix.</summary>
    public ControlledTaskRunFix()
        : base(Rules.TaskRun.Id)
    {
    }

    private protected override (SyntaxNode? Root, string? Title) Fix(SyntaxNode root, InvocationExpressionSyntax node, SemanticModel model, Diagnostic diagnostic)
    {
        if (node.Expression is not MemberAccessExpressionSyntax access
            || model.GetOperation(node) is not IInvocationOperation { TargetMethod: { Name: "Run", Parameters.Length: 1 } method }
            || node.ArgumentList.Arguments is not { Count: 1 } arguments
            || arguments[0].NameColon is not null
            || !ReturnsTask(method.OriginalDefinition.Parameters[0].Type, model.Compilation))
        {
            return (null, null);
        }

        return (root.ReplaceNode(access, TypeNames.OnControlledTask(access)), FixTitles.ControlledTaskRun);
    }

    // Func<Task> or Func<Task<T>> as declared: Run<TResult>(Func<TResult>) with a task for TResult is not one.
    private static bool ReturnsTask(ITypeSymbol body, Compilation compilation) =>
        body is INamedTypeSymbol { Name: "Func", TypeArguments.Length: 1 } func
        && (SymbolEqualityComparer.Default.Equals(func.TypeArguments[0].OriginalDefinition, compilation.GetTypeByMetadataName("System.Threading.Tasks.Task"))
            || SymbolEqualityComparer.Default.Equals(func.TypeArguments[0].OriginalDefinition, compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1")));
}
