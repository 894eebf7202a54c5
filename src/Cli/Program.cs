using Interleave.Cli;
using Interleave.Cli.Engines;

// The `interleave` command (see CommandLine.cs and README.md). An engine process
// of --parallel pins itself before any thread of Coyote's exists.
CpuAffinity.PinFromEnvironment();
return CommandLine.Run(args, Console.Out, Console.Error);
