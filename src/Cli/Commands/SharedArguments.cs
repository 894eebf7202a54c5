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
}
