using Interleave.Harness;
using Interleave.Harness.Cli;

// The `interleave` command: test, replay and list (see Cli/CommandLine.cs and README.md). An engine process
// of --parallel pins itself before any thread of Coyote's exists.
CpuAffinity.PinFromEnvironment();
return CommandLine.Run(args, Console.Out, Console.Error);
