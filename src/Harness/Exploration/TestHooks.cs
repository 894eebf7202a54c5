using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Coyote.Rewriting;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Harness.Exploration;

/// <summary>
/// The set-up and tear-down methods of a test assembly, found and called as <c>coyote test</c> does:
/// at most one public static parameterless void method per assembly marked <c>[TestInit]</c> (before the
/// first schedule), <c>[TestIterationDispose]</c> (after each schedule) and <c>[TestDispose]</c> (after the
/// last). Coyote's <c>TestingEngine</c> ignores them when given a delegate, so the harness calls them itself.
/// Also whether the assembly was rewritten by <c>coyote rewrite</c>, the other thing about a test's assembly
/// that changes how Coyote runs it.
/// </summary>
internal sealed class TestHooks
{
    private static readonly ConcurrentDictionary<Assembly, Lazy<TestHooks>> Cache = new();

    private readonly MethodInfo? _init;
    private readonly MethodInfo? _iterationDispose;
    private readonly MethodInfo? _dispose;

    // Libraries whose waits Coyote 1.7.11's rewriting leaves uncontrolled.
    private static readonly string[] UncontrolledLibraries = ["System.Threading.Channels"];

    private TestHooks(MethodInfo? init, MethodInfo? iterationDispose, MethodInfo? dispose, bool isRewritten, bool usesUncontrolledLibrary = false)
    {
        IsRewritten = isRewritten;
        UsesUncontrolledLibrary = usesUncontrolledLibrary;
        _init = init;
        _iterationDispose = iterationDispose;
        _dispose = dispose;
    }

    /// <summary>No hooks.</summary>
    internal static TestHooks None { get; } = new(null, null, null, isRewritten: false);

    /// <summary>
    /// True when <c>coyote rewrite</c> rewrote the assembly: Coyote then controls its <c>Task.Run</c>, delays,
    /// <c>SemaphoreSlim</c>s and task completions, so a stall it reports is a real deadlock.
    /// </summary>
    internal bool IsRewritten { get; }

    /// <summary>True when the assembly references a library Coyote's rewriting does not control (<c>System.Threading.Channels</c>).</summary>
    internal bool UsesUncontrolledLibrary { get; }

    /// <summary>
    /// True when the assembly declares any hook. Hooks keep state in statics across schedules, which engines
    /// as threads of one process would share, so there such tests run on one engine at a time.
    /// </summary>
    internal bool Any => _init is not null || _iterationDispose is not null || _dispose is not null;

    /// <summary>The hooks declared in <paramref name="assembly"/>, looked up once per assembly.</summary>
    /// <exception cref="TestHookException">More than one method of a kind, or one with the wrong shape.</exception>
    internal static TestHooks Of(Assembly assembly) =>
        Cache.GetOrAdd(assembly, a => new Lazy<TestHooks>(() => Find(a))).Value;

    /// <summary>The hooks of the assembly that declares <paramref name="test"/>'s method.</summary>
    internal static TestHooks Of(Delegate test) => Of(test.Method.Module.Assembly);

    internal void Initialize() => Invoke(_init, "TestInit");

    internal void DisposeIteration() => Invoke(_iterationDispose, "TestIterationDispose");

    internal void Dispose() => Invoke(_dispose, "TestDispose");

    private static TestHooks Find(Assembly assembly)
    {
        var methods = AssemblyTypes.Loadable(assembly)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .ToList();
        return new TestHooks(
            Single<TestInitAttribute>(methods, assembly),
            Single<TestIterationDisposeAttribute>(methods, assembly),
            Single<TestDisposeAttribute>(methods, assembly),
            RewritingEngine.IsAssemblyRewritten(assembly),
            assembly.GetReferencedAssemblies().Any(r => UncontrolledLibraries.Contains(r.Name, StringComparer.Ordinal)));
    }

    private static MethodInfo? Single<TAttribute>(List<MethodInfo> methods, Assembly assembly)
        where TAttribute : Attribute
    {
        var marked = methods.Where(m => m.IsDefined(typeof(TAttribute), inherit: false)).ToList();
        var kind = typeof(TAttribute).Name[..^"Attribute".Length];
        if (marked.Count > 1)
        {
            var names = string.Join(", ", marked.Select(Describe));
            throw new TestHookException($"{assembly.GetName().Name} declares {marked.Count} [{kind}] methods ({names}); Coyote allows one per assembly.");
        }

        if (marked.Count == 1 && marked[0] is var method
            && (!method.IsPublic || !method.IsStatic || method.ReturnType != typeof(void) || method.GetParameters().Length != 0 || method.ContainsGenericParameters))
        {
            throw new TestHookException($"The [{kind}] method {Describe(method)} must be declared 'public static void {method.Name}()'.");
        }

        return marked.SingleOrDefault();
    }

    private static void Invoke(MethodInfo? hook, string kind)
    {
        try
        {
            hook?.Invoke(null, null);
        }
        catch (TargetInvocationException failure) when (failure.InnerException is { } cause)
        {
            throw new TestHookException($"The [{kind}] method {Describe(hook!)} threw {cause.GetType().Name}: {cause.Message}", cause);
        }
    }


    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.Name}.{method.Name}";
}
