using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Interleave.Analyzers;

/// <summary>
/// The framework members that escape the scheduler, resolved once per compilation, and which of them an
/// invocation, object creation or property read is.
/// </summary>
internal sealed class EscapeCatalog
{
    private const string ControlledTaskName = "Interleave.Primitives.ControlledTask";

    // Awaiters of tasks, whose GetResult blocks until the task finishes; the awaiter of Task.Yield does not.
    private static readonly string[] TaskAwaiters = ["TaskAwaiter", "ValueTaskAwaiter", "ConfiguredTaskAwaiter", "ConfiguredValueTaskAwaiter"];

    private readonly INamedTypeSymbol? _task;
    private readonly INamedTypeSymbol? _taskOfT;
    private readonly INamedTypeSymbol? _valueTaskOfT;
    private readonly INamedTypeSymbol? _taskFactory;
    private readonly INamedTypeSymbol? _taskFactoryOfT;
    private readonly INamedTypeSymbol? _timeProvider;
    private readonly INamedTypeSymbol? _thread;
    private readonly INamedTypeSymbol? _semaphoreSlim;
    private readonly INamedTypeSymbol? _taskCompletionSource;
    private readonly INamedTypeSymbol? _taskCompletionSourceOfT;
    private readonly INamedTypeSymbol? _timer;
    private readonly INamedTypeSymbol? _dateTime;
    private readonly INamedTypeSymbol? _dateTimeOffset;
    private readonly INamedTypeSymbol? _configureAwaitOptions;

    private EscapeCatalog(Compilation compilation)
    {
        _task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        _taskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        _valueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        _taskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory");
        _taskFactoryOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory`1");
        _timeProvider = compilation.GetTypeByMetadataName("System.TimeProvider");
        _thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        _semaphoreSlim = compilation.GetTypeByMetadataName("System.Threading.SemaphoreSlim");
        _taskCompletionSource = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskCompletionSource");
        _taskCompletionSourceOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskCompletionSource`1");
        _timer = compilation.GetTypeByMetadataName("System.Threading.Timer");
        _dateTime = compilation.GetTypeByMetadataName("System.DateTime");
        _dateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        _configureAwaitOptions = compilation.GetTypeByMetadataName("System.Threading.Tasks.ConfigureAwaitOptions");
    }

    /// <summary>
    /// The catalog for <paramref name="compilation"/> if it uses the Interleave primitives: it references
    /// them, and is not the primitives' own assembly, whose implementation calls these members on purpose.
    /// </summary>
    internal static EscapeCatalog? For(Compilation compilation) =>
        compilation.GetTypeByMetadataName(ControlledTaskName) is { } controlledTask
            && !SymbolEqualityComparer.Default.Equals(controlledTask.ContainingAssembly, compilation.Assembly)
            ? new EscapeCatalog(compilation)
            : null;

    internal Escape? Of(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType.OriginalDefinition;
        return method.Name switch
        {
            "Run" when Is(type, _task) => new Escape(Rules.TaskRun, "Task.Run"),
            "StartNew" when Is(type, _taskFactory) || Is(type, _taskFactoryOfT) => new Escape(Rules.TaskRun, "Task.Factory.StartNew"),
            "Delay" when Is(type, _task) && !method.Parameters.Any(p => Is(p.Type, _timeProvider)) => new Escape(Rules.TaskDelay),
            "Sleep" when Is(type, _thread) => new Escape(Rules.ThreadSleep),
            "Wait" when Is(type, _task) => new Escape(Rules.BlockingWait, ".Wait()"),
            "WaitAll" or "WaitAny" when Is(type, _task) => new Escape(Rules.BlockingWait, "Task." + method.Name),
            "GetResult" when IsTaskAwaiter(type) => new Escape(Rules.BlockingWait, "GetAwaiter().GetResult()"),
            "ConfigureAwait" when IsInTasksNamespace(type) && ResumesOffTheScheduler(invocation) => new Escape(Rules.ConfigureAwaitFalse),
            _ => null,
        };
    }

    internal Escape? Of(IObjectCreationOperation creation)
    {
        var type = creation.Type?.OriginalDefinition;
        return Is(type, _thread) ? new Escape(Rules.NewThread)
            : Is(type, _semaphoreSlim) ? new Escape(Rules.SemaphoreSlim)
            : Is(type, _taskCompletionSource) || Is(type, _taskCompletionSourceOfT) ? new Escape(Rules.TaskCompletionSource)
            : Is(type, _timer) ? new Escape(Rules.ThreadingTimer)
            : null;
    }

    internal Escape? Of(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        var type = property.ContainingType.OriginalDefinition;
        return property.Name switch
        {
            "Result" when Is(type, _taskOfT) || Is(type, _valueTaskOfT) => new Escape(Rules.BlockingWait, ".Result"),
            "UtcNow" when Is(type, _dateTime) => Escape.Clock("DateTime.UtcNow", "ControlledTask.TimeProvider.GetUtcNow().UtcDateTime"),
            "Now" when Is(type, _dateTime) => Escape.Clock("DateTime.Now", "ControlledTask.TimeProvider.GetLocalNow().DateTime"),
            "UtcNow" when Is(type, _dateTimeOffset) => Escape.Clock("DateTimeOffset.UtcNow", "ControlledTask.TimeProvider.GetUtcNow()"),
            "Now" when Is(type, _dateTimeOffset) => Escape.Clock("DateTimeOffset.Now", "ControlledTask.TimeProvider.GetLocalNow()"),
            _ => null,
        };
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    private static bool IsTaskAwaiter(INamedTypeSymbol type) =>
        Array.IndexOf(TaskAwaiters, type.Name) >= 0 && IsInNamespace(type.ContainingType ?? type, "System.Runtime.CompilerServices");

    private static bool IsInTasksNamespace(INamedTypeSymbol type) => IsInNamespace(type, "System.Threading.Tasks");

    private static bool IsInNamespace(INamedTypeSymbol type, string name) => type.ContainingNamespace.ToDisplayString() == name;

    /// <summary>
    /// ConfigureAwait with a constant that does not continue on the captured context: <c>false</c>, or options
    /// without <c>ContinueOnCapturedContext</c>. A value known only at run time is left alone.
    /// </summary>
    private bool ResumesOffTheScheduler(IInvocationOperation invocation)
    {
        // The setting is the last argument: after the receiver, for the extensions on streams and disposables.
        var arguments = invocation.Arguments;
        if (arguments.Length == 0 || arguments[arguments.Length - 1] is not { Value.ConstantValue: { HasValue: true, Value: { } value } } setting)
        {
            return false;
        }

        const int continueOnCapturedContext = 1;
        return value switch
        {
            bool continueOnContext => !continueOnContext,
            int options when Is(setting.Parameter?.Type, _configureAwaitOptions) => (options & continueOnCapturedContext) == 0,
            _ => false,
        };
    }
}
