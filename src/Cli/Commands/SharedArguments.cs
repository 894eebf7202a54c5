using System.CommandLine;

namespace Interleave.Cli.Commands;

/// <summary>The argument and option that several commands take, defined once so their help reads alike.</summary>
internal static class SharedArguments
{
    /// <summary>The optional <c>assembly.dll</c> argument: a user's tests, or none for the built-in scenarios.</summary>
    internal static Argument<string?> Assembly() => new("assembly.dll")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = "An assembly with public static [Microsoft.Coyote.SystematicTesting.Test] methods; omit it for the built-in scenarios.",
    };

    /// <summary>The <c>-m|--method NAME</c> filter.</summary>
    internal static Option<string?> Method() => new("--method", "-m")
    {
        Description = "Only the tests whose name (scenario name, method name or Type.Method) is NAME, or else contains it.",
        HelpName = "NAME",
    };

    /// <summary>The <c>--observe-fields</c> switch of the commands that rewrite an assembly.</summary>
    internal static Option<bool> ObserveFields() => new("--observe-fields")
    {
        Description = "Also make every read and write of a field or array element that tasks can share a scheduling point and a step checked for data races, "
            + "as a Shared<T> cell is (not a struct's, readonly or thread-static fields); volatile fields, Interlocked and Volatile order the tasks and are never a race.",
    };
}
