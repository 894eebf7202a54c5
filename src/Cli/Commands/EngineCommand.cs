using System.CommandLine;
using Interleave.Cli.Engines;
using Interleave.Cli.Runs;

namespace Interleave.Cli.Commands;

/// <summary>
/// <c>interleave engine [assembly.dll]</c>, hidden: an engine process of <c>interleave test -p N</c>, exploring
/// the jobs its parent writes to its input (<see cref="EngineProtocol"/>).
/// </summary>
internal static class EngineCommand
{
    internal static Command Create(TextWriter output)
    {
        var assembly = SharedArguments.Assembly();
        var command = new Command("engine", "Be an engine process of interleave test -p N: explore the jobs written to standard input, answering on standard output.")
        {
            assembly,
        };
        command.Hidden = true;
        command.SetAction(parse => Execute(parse.GetValue(assembly), Console.In, Console.IsInputRedirected, output, Console.Error));
        return command;
    }

    internal static int Execute(string? assemblyPath, TextReader input, bool inputRedirected, TextWriter output, TextWriter error)
    {
        // At a terminal it would wait for jobs that nobody types.
        if (!inputRedirected)
        {
            throw new UsageException("interleave engine is for the engine processes of interleave test -p N: it reads its jobs from its redirected input.");
        }

        return EngineProcessLoop.Serve(TestDiscovery.Discover(assemblyPath, error), input, output);
    }
}
