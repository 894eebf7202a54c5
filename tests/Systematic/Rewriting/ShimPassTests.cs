using Interleave.Cli.Rewriting;
using Interleave.Primitives;
using Interleave.Primitives.Rewriting;
using Interleave.Rewriting;
using Mono.Cecil;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>The shim pass over an assembly that <c>coyote rewrite</c> rewrote, and the shims it routes calls to.</summary>
public sealed class ShimPassTests : IDisposable
{
    private const string CoyoteTask = "Microsoft.Coyote.Rewriting.Types.Threading.Tasks.Task";
    private const string CoyoteMonitor = "Microsoft.Coyote.Rewriting.Types.Threading.Monitor";
    private static readonly string Primitives = typeof(ControlledTask).Assembly.Location;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "interleave-shims-" + Guid.NewGuid().ToString("N"));

    public ShimPassTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(DotNetSamples.Dll)!))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    private string Copy => Path.Combine(_folder, Path.GetFileName(DotNetSamples.Dll));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Apply_RoutesTaskRunMonitorCompletionSourcesAwaitsAndTheSpanOverloadsOfWhenAll_AndStampsTheAssemblyOnce()
    {
        CoyoteTool.Find(_folder).Rewrite(Copy);
        Assert.NotEmpty(Calls(Copy, m => m.DeclaringType.FullName == CoyoteTask && m.Name == "Run"));
        Assert.NotEmpty(Calls(Copy, IsSpanWhenAll));
        Assert.NotEmpty(Calls(Copy, m => m.DeclaringType.FullName == CoyoteMonitor));
        Assert.NotEmpty(Calls(Copy, IsCompletionSourceCall));
        Assert.NotEmpty(Calls(Copy, IsAwaiterCall));
        Assert.False(ShimPass.IsApplied(Copy));

        var result = ShimPass.Apply(Copy, Primitives);

        Assert.True(ShimPass.IsApplied(Copy));
        Assert.Equal(result.RoutedCalls, result.CallsByShim.Values.Sum());
        Assert.Empty(Calls(Copy, m => m.DeclaringType.FullName == CoyoteTask && m.Name == "Run"));
        Assert.Empty(Calls(Copy, IsSpanWhenAll));
        Assert.Empty(Calls(Copy, m => m.DeclaringType.FullName == CoyoteMonitor));
        Assert.Empty(Calls(Copy, IsCompletionSourceCall));
        Assert.Empty(Calls(Copy, IsAwaiterCall));
        Assert.Equal(result.CallsByShim[nameof(TaskShim)], Calls(Copy, m => m.DeclaringType.FullName == typeof(TaskShim).FullName).Count);
        Assert.Equal(result.CallsByShim[nameof(MonitorShim)], Calls(Copy, m => m.DeclaringType.FullName == typeof(MonitorShim).FullName).Count);
        Assert.True(RewrittenAssembly.IsRewritten(Copy), "the pass keeps Coyote's signature");
        Assert.Equal(0, ShimPass.Apply(Copy, Primitives).RoutedCalls);
    }

    [Fact]
    public void Apply_RoutesTheEventsCoyoteWrapsAndTheManualResetEventSlimItDoesNot_DroppingCoyotesWarningOfTheLatter()
    {
        CoyoteTool.Find(_folder).Rewrite(Copy);
        Assert.NotEmpty(Calls(Copy, IsCoyoteEventCall));
        Assert.NotEmpty(Calls(Copy, IsManualResetEventSlimCall));
        Assert.Contains(Warnings(Copy), w => w.StartsWith("System.Threading.ManualResetEventSlim", StringComparison.Ordinal));

        var result = ShimPass.Apply(Copy, Primitives);

        Assert.Empty(Calls(Copy, IsCoyoteEventCall));
        Assert.Empty(Calls(Copy, IsManualResetEventSlimCall));
        Assert.DoesNotContain(Warnings(Copy), w => w.StartsWith("System.Threading.ManualResetEventSlim", StringComparison.Ordinal));

        // StartGateTests makes a ManualResetEventSlim, sets it twice and waits on it; WorkSignalTests an AutoResetEvent, set once and waited on once.
        Assert.Equal(4, result.CallsByShim[nameof(ManualResetEventSlimShim)]);
        Assert.Equal(4, Calls(Copy, m => m.DeclaringType.FullName == typeof(ManualResetEventSlimShim).FullName).Count);
        Assert.Equal(
            (1, 1, 1),
            (result.CallsByShim[nameof(AutoResetEventShim)], result.CallsByShim[nameof(EventWaitHandleShim)], result.CallsByShim[nameof(WaitHandleShim)]));
    }

    [Fact]
    public void EveryShimMethod_HasTheSignatureOfAMethodOfItsTarget()
    {
        // A shim whose signature matches nothing is never called: a typo would silently observe nothing.
        using var primitives = ModuleDefinition.ReadModule(Primitives);
        using var coyote = ModuleDefinition.ReadModule(typeof(Microsoft.Coyote.Rewriting.Types.Threading.Tasks.Task).Assembly.Location);
        using var coyoteRuntime = ModuleDefinition.ReadModule(typeof(Microsoft.Coyote.Runtime.CompilerServices.TaskAwaiter).Assembly.Location);
        using var core = ModuleDefinition.ReadModule(typeof(Task).Assembly.Location);
        var targets = new[] { coyote, coyoteRuntime, core }.SelectMany(m => m.Types).Where(t => t.IsPublic).ToDictionary(t => t.FullName);
        var shimTypes = primitives.Types.Where(t => t.CustomAttributes.Any(a => a.AttributeType.Name == nameof(ShimOfAttribute))).ToList();
        Assert.NotEmpty(shimTypes);

        foreach (var shim in shimTypes)
        {
            var ofTypes = shim.CustomAttributes.Where(a => a.AttributeType.Name == nameof(ShimOfAttribute)).Select(a => targets[(string)a.ConstructorArguments[0].Value]).ToList();
            foreach (var method in shim.Methods.Where(m => m.IsPublic && m.IsStatic))
            {
                var parameters = ShimCatalog.TargetParameters(new Shim(method, ShimCatalog.TakesCallSite(method)));
                Assert.True(
                    ofTypes.Any(target => target.Methods.Any(m => StandsIn(method, m, Signature.Of(target.FullName, method.Name, method.GenericParameters.Count, method.ReturnType, parameters)))),
                    $"{shim.Name}.{method.Name}({string.Join(", ", method.Parameters.Select(p => p.ParameterType.Name))}) stands in for no method of {string.Join(" or ", ofTypes.Select(t => t.FullName))}");
            }
        }
    }

    [Fact]
    public void Apply_ObservingFields_CallsTheFieldShimBeforeEachSharedAccess_WithItsFieldAndLine_AndLeavesTheRest()
    {
        CoyoteTool.Find(_folder).Rewrite(Copy);

        var result = ShimPass.Apply(Copy, Primitives, observeFields: true);

        Assert.True(ShimPass.ObservesFields(Copy));
        var observed = FieldShimCalls(Copy);
        Assert.Equal(result.ObservedFieldAccesses, observed.Values.Sum(c => c.Count));

        // count++ is a read then a write; the lock's readonly gate, and the Interlocked's ref, are no field access.
        Assert.Equal([("Read", "Counter", "_count"), ("Write", "Counter", "_count")], observed["Counter::HitUnguarded"].Select(c => (c.Shim, c.Owner, c.Field)));
        Assert.Equal([("Read", "Counter", "_count"), ("Write", "Counter", "_count")], observed["Counter::HitLocked"].Select(c => (c.Shim, c.Owner, c.Field)));
        Assert.False(observed.ContainsKey("Counter::HitInterlocked"));
        Assert.All(observed["Counter::HitUnguarded"], c => Assert.True(c.File.EndsWith("CounterTests.cs", StringComparison.Ordinal) && c.Line > 0, $"{c.File}:{c.Line}"));

        // A volatile field's accesses go to the volatile shims; an auto-property's are observed where it is called.
        Assert.Equal([("Write", "_report"), ("WriteVolatile", "_ready")], observed["VolatileBoard::Publish"].Select(c => (c.Shim, c.Field)));
        Assert.DoesNotContain(observed.Keys, k => k.StartsWith("PlainBoard::", StringComparison.Ordinal));
        Assert.Contains(observed.Values.SelectMany(c => c), c => (c.Shim, c.Owner, c.Field) == ("Write", "PlainBoard", "Ready"));

        // The compiler's own fields are never observed; a captured local is, named after its method, unless
        // it is set once before any lambda can read it.
        Assert.DoesNotContain(observed.Values.SelectMany(c => c), c => c.Field.Contains('<') || c.Owner.Contains('<'));
        Assert.Contains(observed.Values.SelectMany(c => c), c => (c.Shim, c.Owner, c.Field) == ("Write", "CapturedCountLosesAHit", "hits"));
        Assert.DoesNotContain(observed.Values.SelectMany(c => c), c => (c.Owner, c.Field) == ("CountTwoHitsAsync", "counter"));

        // Elements: a compound assignment is a read and a write; an initializer's stores are not observed.
        Assert.Equal(["UpdateElement"], observed.Values.SelectMany(c => c).Where(c => c.File.EndsWith("TallyTests.cs", StringComparison.Ordinal)).Select(c => c.Shim));
        Assert.DoesNotContain(observed.Values.SelectMany(c => c), c => c.Shim == "WriteElement" && c.File.EndsWith("PublicationTests.cs", StringComparison.Ordinal));

        // Without the option nothing is observed.
        File.Copy(DotNetSamples.Dll, Copy, overwrite: true);
        File.Copy(Path.ChangeExtension(DotNetSamples.Dll, ".pdb"), Path.ChangeExtension(Copy, ".pdb"), overwrite: true);
        CoyoteTool.Find(_folder).Rewrite(Copy);
        Assert.Equal(0, ShimPass.Apply(Copy, Primitives).ObservedFieldAccesses);
        Assert.False(ShimPass.ObservesFields(Copy));
        Assert.Empty(FieldShimCalls(Copy));
    }

    // The calls to FieldAccessShim by "Type::Method": which shim, and the owner, field, file and line loaded before it.
    private static Dictionary<string, List<(string Shim, string Owner, string Field, string File, int Line)>> FieldShimCalls(string assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly);
        var calls = new Dictionary<string, List<(string, string, string, string, int)>>();
        foreach (var method in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
        {
            foreach (var call in method.Body.Instructions.Where(i => i.Operand is MethodReference { DeclaringType.Name: nameof(FieldAccessShim) }))
            {
                // A field's shim takes (instance, owner, field, file, line); an element's (array, index, file, line).
                var line = call.Previous;
                var file = line.Previous;
                var field = file.Previous.Operand as string ?? string.Empty;
                var owner = file.Previous.Previous.Operand as string ?? string.Empty;
                var key = $"{method.DeclaringType.Name}::{method.Name}";
                (calls.TryGetValue(key, out var list) ? list : calls[key] = []).Add(
                    (((MethodReference)call.Operand).Name, owner, field, (string)file.Operand, Convert.ToInt32(line.Operand, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return calls;
    }

    // A shim of a method (an instance one taking its instance first, by reference or as it is), or a Create of a constructor.
    private static bool StandsIn(MethodDefinition shim, MethodDefinition target, string shimKey) =>
        target.IsConstructor
            ? shim.Name == "Create" && shim.ReturnType.FullName == target.DeclaringType.FullName
                && ShimCatalog.TargetParameters(new Shim(shim, false)).Select(p => p.FullName).SequenceEqual(target.Parameters.Select(p => p.ParameterType.FullName))
            : ShimCatalog.KeyOf(target) == shimKey || (target.HasThis && ShimCatalog.KeyOf(target, byReference: false) == shimKey);

    private static bool IsCoyoteEventCall(MethodReference method) =>
        method.DeclaringType.FullName is "Microsoft.Coyote.Rewriting.Types.Threading.AutoResetEvent"
            or "Microsoft.Coyote.Rewriting.Types.Threading.EventWaitHandle" or "Microsoft.Coyote.Rewriting.Types.Threading.WaitHandle";

    private static bool IsManualResetEventSlimCall(MethodReference method) =>
        method.DeclaringType.FullName == "System.Threading.ManualResetEventSlim";

    // The names Coyote's rewriting warns of: ldstr name; call ExceptionProvider.ThrowUncontrolledInvocationException.
    private static List<string> Warnings(string assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly);
        return [.. module.GetTypes()
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Where(i => i.Operand is MethodReference { Name: "ThrowUncontrolledInvocationException" } && i.Previous?.Operand is string)
            .Select(i => (string)i.Previous.Operand)];
    }

    private static bool IsCompletionSourceCall(MethodReference method) =>
        method.DeclaringType.GetElementType().FullName is "Microsoft.Coyote.Rewriting.Types.Threading.Tasks.TaskCompletionSource"
            or "Microsoft.Coyote.Rewriting.Types.Threading.Tasks.TaskCompletionSource`1";

    private static bool IsAwaiterCall(MethodReference method) =>
        method.DeclaringType.GetElementType().FullName is "Microsoft.Coyote.Runtime.CompilerServices.TaskAwaiter" or "Microsoft.Coyote.Runtime.CompilerServices.TaskAwaiter`1"
            && method.Name is "get_IsCompleted" or "GetResult";

    private static bool IsSpanWhenAll(MethodReference method) =>
        method.DeclaringType.FullName == "System.Threading.Tasks.Task" && method.Name == "WhenAll"
        && method.Parameters.Count == 1 && method.Parameters[0].ParameterType.Name == "ReadOnlySpan`1";

    private static List<MethodReference> Calls(string assembly, Func<MethodReference, bool> which)
    {
        using var module = ModuleDefinition.ReadModule(assembly);
        return module.GetTypes()
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Select(i => i.Operand)
            .OfType<MethodReference>()
            .Where(m => which(m.GetElementMethod()))
            .ToList();
    }
}
