using System.CommandLine;
using Interleave.Cli.Rewriting;

namespace Interleave.Cli.Commands;

/// <summary>
/// <c>interleave rewrite &lt;assembly.dll&gt;</c>: rewrites the assembly in place with <c>coyote rewrite</c> and
/// Interleave's shims, as <c>coyote rewrite</c> does, for a test project whose <c>Explorer.Verify</c> tests
/// run code written with .NET's own primitives (run it after the build).
/// </summary>
internal static class RewriteCommand
{
    internal static Command Create(TextWriter output)
    {
        var assembly = new Argument<string>("assembly.dll") { Description = "The assembly to rewrite in place, with its PDB." };
        var command = new Command(
            "rewrite",
            "Rewrite an assembly in place with coyote rewrite and Interleave's shims, so that code on .NET's own Task.Run, lock, SemaphoreSlim... runs under the scheduler with named tasks and observed steps (what interleave test --rewrite does to a copy). Exit code: 0 done, 1 error in use.")
        {
            assembly,
        };
        var observeFields = SharedArguments.ObserveFields();
        command.Options.Add(observeFields);
        command.SetAction(parse =>
        {
            output.WriteLine(RewrittenAssembly.InPlace(parse.GetValue(assembly)!, parse.GetValue(observeFields)));
            return ExitCode.Ok;
        });
        return command;
    }
}
