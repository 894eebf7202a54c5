namespace Interleave.Tests.Systematic.Allocation;

/// <summary>The memory soak test's collection, run with no other test beside it.</summary>
[CollectionDefinition(MemorySoakTests.Name, DisableParallelization = true)]
public sealed class MemorySoakCollection
{
}
