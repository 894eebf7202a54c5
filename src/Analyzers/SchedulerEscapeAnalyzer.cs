using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Interleave.Analyzers;

/// <summary>
/// Warns of the calls that escape Coyote's scheduler (ILV0001 to ILV0010, docs/ANALYZERS.md) in every file of a
/// project that references the Interleave primitives.
/// </summary>
/// <remarks>
/// A project that does not reference the primitives gets no warning: its code does not run under the
/// scheduler. Neither does the primitives' own assembly, whose production paths call these members. A project
/// whose build rewrites its assembly (the MSBuild property <c>InterleaveRewrite</c>) is warned only of what the
/// rewriting leaves uncontrolled (<see cref="Rules.ControlledByRewriting"/>).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SchedulerEscapeAnalyzer : DiagnosticAnalyzer
{
    // Made visible to the compiler by the primitives' package (buildTransitive/Interleave.Primitives.props).
    private const string RewriteProperty = "build_property.InterleaveRewrite";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Rules.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (EscapeCatalog.For(start.Compilation) is not { } catalog)
            {
                return;
            }

            var rewritten = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(RewriteProperty, out var value)
                && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
            start.RegisterOperationAction(c => Report(c, catalog.Of((IInvocationOperation)c.Operation), rewritten), OperationKind.Invocation);
            start.RegisterOperationAction(c => Report(c, catalog.Of((IObjectCreationOperation)c.Operation), rewritten), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => Report(c, catalog.Of((IPropertyReferenceOperation)c.Operation), rewritten), OperationKind.PropertyReference);
        });
    }

    private static void Report(OperationAnalysisContext context, Escape? escape, bool rewritten)
    {
        if (escape is { } found && !(rewritten && Rules.ControlledByRewriting.Contains(found.Rule.Id)))
        {
            context.ReportDiagnostic(Diagnostic.Create(found.Rule, context.Operation.Syntax.GetLocation(), found.Properties, found.Arguments));
        }
    }
}
