using System.Reflection;

namespace Interleave.Harness.Exploration;

/// <summary>
/// Tells the runtime's failures to load the code a test calls (a binary built against other versions of its
/// dependencies than it runs with) from the exceptions of the code under test.
/// </summary>
internal static class LoadFailures
{
    /// <summary>The load failure <paramref name="exception"/> is or wraps (a type initializer's, a task's), or null.</summary>
    internal static Exception? Find(Exception? exception)
    {
        for (var cause = exception; cause is not null; cause = Inner(cause))
        {
            if (IsLoadFailure(cause))
            {
                return cause;
            }
        }

        return null;
    }

    /// <summary>What <see cref="TestSetupException"/> says of <paramref name="failure"/>, a load failure of <paramref name="testName"/>.</summary>
    internal static string Describe(Exception failure, string testName)
    {
        var harness = typeof(LoadFailures).Assembly.GetName();
        return $"The test {testName} could not run: {failure.GetType().Name}: {FirstLine(failure.Message)} "
            + "This is not a bug of the code under test: the test's assembly was built against other versions of its dependencies than it runs with here "
            + $"({harness.Name} {harness.Version}, Interleave.Primitives {typeof(Primitives.AsyncLock).Assembly.GetName().Version}), or one is missing beside it. "
            + "Build the test project and the interleave tool from the same Interleave version.";
    }

    private static bool IsLoadFailure(Exception exception) => exception switch
    {
        FileLoadException or BadImageFormatException or TypeLoadException or MissingMemberException => true,

        // The binder names the assembly it could not find by its display name; a file the test itself opens has a path.
        FileNotFoundException { FileName: { } file } => IsAssemblyName(file),
        _ => false,
    };

    private static bool IsAssemblyName(string file)
    {
        try
        {
            return new AssemblyName(file).Version is not null;
        }
        catch (Exception error) when (error is FileLoadException or ArgumentException)
        {
            return false;
        }
    }

    private static Exception? Inner(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception.InnerException;

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
