using Interleave.Scenarios;

namespace Interleave.Tests.Systematic;

/// <summary>Theory data over the scenario catalog.</summary>
public static class CatalogData
{
    /// <summary>The name of every buggy scenario.</summary>
    public static TheoryData<string> BuggyScenarios() => new(ScenarioCatalog.All.Where(s => s.IsBuggy).Select(s => s.Name));
}
