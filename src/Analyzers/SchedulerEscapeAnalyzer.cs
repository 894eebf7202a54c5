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
/// scheduler. Neither does the primitives' own assembly, whose production paths call these members.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SchedulerEscapeAnalyzer : DiagnosticAnalyzer
{
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

            start.RegisterOperationAction(c => Report(c, catalog.Of((IInvocationOperation)c.Operation)), OperationKind.Invocation);
            start.RegisterOperationAction(c => Report(c, catalog.Of((IObjectCreationOperation)c.Operation)), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => Report(c, catalog.Of((IPropertyReferenceOperation)c.Operation)), OperationKind.PropertyReference);
        });
    }

    private static void Report(OperationAnalysisContext context, Escape? escape)
    {
        if (escape is { } found)
        {
            context.ReportDiagnostic(Diagnostic.Create(found.Rule, context.Operation.Syntax.GetLocation(), found.Properties, found.Arguments));
        }
    }
}
