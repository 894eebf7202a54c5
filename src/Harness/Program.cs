using Interleave.Harness.Cli;

// The `interleave` command: test, replay and list (see Cli/CommandLine.cs and README.md).
return CommandLine.Run(args, Console.Out, Console.Error);
