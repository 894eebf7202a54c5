using Interleave.Harness;
namespace Interleave.Cli.Runs;

/// <summary>What exploring one test gave: the report, and where its trace and account were written.</summary>
/// <param name="Case">The test.</param>
/// <param name="Report">What the exploration found.</param>
/// <param name="TracePath">The written <c>.trace</c>, when a bug was found.</param>
internal sealed record TestOutcome(TestCase Case, ExplorationReport Report, string? TracePath);
