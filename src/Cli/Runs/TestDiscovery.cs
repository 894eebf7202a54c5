using System.Reflection;
using System.Runtime.Loader;
using Interleave.Harness.Exploration;
using Interleave.Harness.Tracing;
using Interleave.Scenarios;
using Microsoft.Coyote.Runtime;

namespace Interleave.Cli.Runs;

/// <summary>
/// Finds the tests of a run: the built-in scenarios, or the public static methods of a user's assembly
/// marked <c>[Microsoft.Coyote.SystematicTesting.Test]</c>, adapted to <see cref="Func{Task}"/>.
/// </summary>
internal static class TestDiscovery
{
    private const string TestAttribute = "Microsoft.Coyote.SystematicTesting.TestAttribute";

    /// <summary>The built-in scenarios (<see cref="ScenarioCatalog.All"/>), or the tests of <paramref name="assemblyPath"/>.</summary>
    /// <exception cref="UsageException">The assembly is missing or unloadable, or has no usable test method.</exception>
    internal static TestSuite Discover(string? assemblyPath, TextWriter warnings) =>
        assemblyPath is null ? BuiltIns() : FromAssembly(assemblyPath, warnings);

    internal static TestSuite BuiltIns() => new(null, ScenarioCatalog.All
        .Select(s => new TestCase(s.Name, s.Test.Method.Name, TraceFile.NameOf(s.Test), s.Test, TestHooks.Of(s.Test))
        {
            Description = s.Description,
            IsBuggy = s.IsBuggy,
        })
        .ToList());

    internal static TestSuite FromAssembly(string assemblyPath, TextWriter warnings)
    {
        var assembly = Load(assemblyPath);
        var tests = new List<TestCase>();
        var hooks = TestHooks.Of(assembly);
        foreach (var type in AssemblyTypes.Loadable(assembly))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (!method.GetCustomAttributesData().Any(a => a.AttributeType.FullName == TestAttribute))
                {
                    continue;
                }

                if (Adapt(method) is { } test)
                {
                    var typeName = type.FullName?.Replace('+', '.') ?? type.Name;
                    tests.Add(new TestCase($"{type.Name}.{method.Name}", method.Name, $"{typeName}.{method.Name}", test, hooks));
                }
                else
                {
                    warnings.WriteLine($"interleave: warning: skipping {type.Name}.{method.Name}: a [Test] method must be public static, return void or Task, and take no parameter or one ICoyoteRuntime.");
                }
            }
        }

        return tests.Count > 0
            ? new TestSuite(assemblyPath, tests)
            : throw new UsageException($"No test methods found in {assemblyPath}: mark public static methods with [Microsoft.Coyote.SystematicTesting.Test].");
    }

    // The default load context, so the assembly shares Interleave.Primitives and Coyote with the harness
    // (the instrumentation seam and the scheduler are static state); LoadFrom finds its other
    // dependencies beside it.
    private static Assembly Load(string assemblyPath)
    {
        var fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath))
        {
            throw new UsageException($"Assembly not found: {assemblyPath}");
        }

        try
        {
            var name = AssemblyName.GetAssemblyName(fullPath);
            var loaded = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name) && a.GetName().Version == name.Version);
            return loaded ?? Assembly.LoadFrom(fullPath);
        }
        catch (Exception error) when (error is BadImageFormatException or FileLoadException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot load {assemblyPath} as a .NET assembly: {FirstLine(error.Message)}", error);
        }
    }


    // Typed delegates, not MethodInfo.Invoke: an exception or a Coyote assertion inside the test must reach
    // the scheduler as itself, not wrapped in a TargetInvocationException.
    private static Func<Task>? Adapt(MethodInfo method)
    {
        if (!method.IsPublic || !method.IsStatic || method.ContainsGenericParameters)
        {
            return null;
        }

        var parameters = method.GetParameters();
        var returnsTask = typeof(Task).IsAssignableFrom(method.ReturnType);
        if (!returnsTask && method.ReturnType != typeof(void))
        {
            return null;
        }

        if (parameters.Length == 0)
        {
            if (returnsTask)
            {
                return method.CreateDelegate<Func<Task>>();
            }

            var action = method.CreateDelegate<Action>();
            return () =>
            {
                action();
                return Task.CompletedTask;
            };
        }

        if (parameters.Length == 1 && parameters[0].ParameterType == typeof(ICoyoteRuntime))
        {
            if (returnsTask)
            {
                var function = method.CreateDelegate<Func<ICoyoteRuntime, Task>>();
                return () => function(RuntimeProvider.Current);
            }

            var action = method.CreateDelegate<Action<ICoyoteRuntime>>();
            return () =>
            {
                action(RuntimeProvider.Current);
                return Task.CompletedTask;
            };
        }

        return null;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
