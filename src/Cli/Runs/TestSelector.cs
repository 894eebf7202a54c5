using Interleave.Cli.Commands;

namespace Interleave.Cli.Runs;

/// <summary>Picks tests by the <c>-m</c> pattern: an exact name first, else every name containing it.</summary>
internal static class TestSelector
{
    /// <summary>The tests <paramref name="pattern"/> names; all of them when it is null.</summary>
    /// <exception cref="UsageException">Nothing matches; the message suggests near names.</exception>
    internal static IReadOnlyList<TestCase> Select(TestSuite suite, string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return suite.Tests;
        }

        var exact = suite.Tests.Where(t => t.Names.Any(n => string.Equals(n, pattern, StringComparison.OrdinalIgnoreCase))).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var containing = suite.Tests.Where(t => t.Names.Any(n => n.Contains(pattern, StringComparison.OrdinalIgnoreCase))).ToList();
        return containing.Count > 0 ? containing : throw NoMatch(suite, pattern);
    }

    /// <summary>The one test <paramref name="pattern"/> names.</summary>
    /// <exception cref="UsageException">Nothing or more than one test matches.</exception>
    internal static TestCase SelectOne(TestSuite suite, string pattern)
    {
        var matches = Select(suite, pattern);
        return matches.Count == 1
            ? matches[0]
            : throw new UsageException($"'{pattern}' matches {matches.Count} tests ({string.Join(", ", matches.Select(t => t.Name))}): give one full name.");
    }

    /// <summary>The test whose trace name (Namespace.Type.Method) is <paramref name="fullName"/>, if any.</summary>
    internal static TestCase? ByFullName(TestSuite suite, string fullName) =>
        suite.Tests.FirstOrDefault(t => string.Equals(t.FullName, fullName, StringComparison.Ordinal));

    private static UsageException NoMatch(TestSuite suite, string pattern)
    {
        var near = suite.Tests
            .Select(t => (t.Name, Distance: t.Names.Min(n => Distance(pattern, n))))
            .Where(c => c.Distance <= Math.Max(2, pattern.Length / 3))
            .OrderBy(c => c.Distance)
            .Take(3)
            .Select(c => c.Name)
            .ToList();
        var hint = near.Count > 0
            ? $" Did you mean {string.Join(" or ", near)}?"
            : " Run 'interleave list" + (suite.AssemblyPath is { } path ? $" {CommandText.Quote(path)}" : string.Empty) + "' to see them.";
        return new UsageException($"No test in {suite.Source} matches '{pattern}'.{hint}");
    }

    // A typo of the whole name, of its beginning, or of one of its dotted parts counts as near.
    private static int Distance(string pattern, string name)
    {
        var best = EditDistance.Between(pattern, name);
        if (name.Length > pattern.Length)
        {
            best = Math.Min(best, EditDistance.Between(pattern, name[..pattern.Length]));
        }

        foreach (var part in name.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            best = Math.Min(best, EditDistance.Between(pattern, part));
        }

        return best;
    }
}
