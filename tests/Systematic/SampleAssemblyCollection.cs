namespace Interleave.Tests.Systematic;

/// <summary>
/// Tests that run the sample assembly's [Test] methods: its [TestInit], [TestIterationDispose] and
/// [TestDispose] hooks run around every one of them and share static state, so these tests take turns.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SampleAssemblyCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Sample assembly";
}
