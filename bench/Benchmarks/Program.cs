using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Interleave.Benchmarks.RaceCheckBenchmarks).Assembly).Run(args);
