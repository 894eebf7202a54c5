using System.CommandLine;
using System.CommandLine.Help;
using Interleave.Cli.Commands;
using Interleave.Harness;

namespace Interleave.Cli;

/// <summary>
/// The <c>interleave</c> command line: <c>test</c>, <c>replay</c> and <c>list</c>, with Coyote's exit codes
/// (see <see cref="ExitCode"/>). Errors in use print one line on the error writer, never a stack trace.
/// </summary>
public static class CommandLine
{
    /// <summary>Parses <paramref name="args"/>, runs the command, and returns the process exit code.</summary>
    /// <param name="args">The arguments after the program name, e.g. <c>["test", "-m", "bank"]</c>.</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where errors and warnings go (standard error).</param>
    /// <returns>0 no bug, 1 error in use, 2 bug found, 3 internal error.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var root = Build(output, error);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                var command = parse.CommandResult.Command == root ? "interleave" : $"interleave {parse.CommandResult.Command.Name}";
                error.WriteLine($"interleave: {parse.Errors[0].Message} Run '{command} --help' for usage.");
                return ExitCode.UsageError;
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (Exception failure)
        {
            return Report(failure is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : failure, error);
        }
    }

    private static Command Build(TextWriter output, TextWriter error)
    {
        // A plain Command rather than RootCommand, so help says "interleave" whatever the host process is.
        var root = new Command("interleave", "Deterministic concurrency testing for async C#: explore the schedules of tests built on Interleave primitives, on Microsoft Coyote.")
        {
            new HelpOption { Recursive = true },
            TestCommand.Create(output, error),
            ReplayCommand.Create(output, error),
            ListCommand.Create(output, error),
            ThroughputCommand.Create(output, error),
            TimeToBugCommand.Create(output, error),
            MergeCommand.Create(output, error),
            RewriteCommand.Create(output),
            EngineCommand.Create(output),
        };
        return root;
    }

    private static int Report(Exception failure, TextWriter error)
    {
        switch (failure)
        {
            // A hook's message names the method and what it threw; its stack trace belongs to the user's code.
            case UsageException or TraceException or TestHookException or TestSetupException:
                error.WriteLine($"interleave: {failure.Message.ReplaceLineEndings(" ")}");
                return ExitCode.UsageError;
            default:
                error.WriteLine($"interleave: internal error: {failure.GetType().Name}: {failure.Message.ReplaceLineEndings(" ")}");
                return ExitCode.InternalError;
        }
    }
}
