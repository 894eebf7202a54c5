using Interleave.Harness;

namespace Interleave.Cli.Runs;

/// <summary>The options of one <c>interleave test</c> run once validated: what every engine of the run explores with.</summary>
/// <param name="AssemblyPath">The tests' assembly as the user named it; null for the built-in scenarios.</param>
/// <param name="Exploration">
/// How to explore each test: its schedules (this shard's range when the run is one), strategy, seed (always
/// set), step bound, time budget and race checking.
/// </param>
/// <param name="OutDir">Where each bug's trace, account and HTML report go.</param>
/// <param name="Parallel">How many engines may run side by side (<c>-p N</c>).</param>
internal sealed record RunOptions(string? AssemblyPath, ExplorationOptions Exploration, string OutDir, int Parallel);
