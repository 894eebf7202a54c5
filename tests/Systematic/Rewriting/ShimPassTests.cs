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
                    ofTypes.Any(target => target.Methods.Any(m => ShimCatalog.KeyOf(m) == Signature.Of(target.FullName, method.Name, method.GenericParameters.Count, method.ReturnType, parameters))),
                    $"{shim.Name}.{method.Name}({string.Join(", ", method.Parameters.Select(p => p.ParameterType.Name))}) stands in for no method of {string.Join(" or ", ofTypes.Select(t => t.FullName))}");
            }
        }
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
