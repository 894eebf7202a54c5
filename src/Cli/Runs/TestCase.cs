using Interleave.Harness;
using Interleave.Harness.Exploration;

namespace Interleave.Cli.Runs;

/// <summary>One test the command can explore, replay or list: a built-in scenario or a user's [Test] method.</summary>
/// <param name="Name">The name shown and used for files and <c>-m</c>: a scenario name or <c>Type.Method</c>.</param>
/// <param name="MethodName">The bare method name, also accepted by <c>-m</c>.</param>
/// <param name="FullName">Namespace.Type.Method: the name written into traces.</param>
/// <param name="Test">The entry point, adapted to what <see cref="Explorer"/> runs.</param>
/// <param name="Hooks">The [TestInit], [TestIterationDispose] and [TestDispose] methods of the test's assembly.</param>
internal sealed record TestCase(string Name, string MethodName, string FullName, Func<Task> Test, TestHooks Hooks)
{
    /// <summary>What the scenario does; null for a user's test.</summary>
    public string? Description { get; init; }

    /// <summary>Whether a bug is expected (built-in scenarios); null for a user's test.</summary>
    public bool? IsBuggy { get; init; }

    /// <summary>The names <c>-m</c> matches exactly.</summary>
    public IEnumerable<string> Names => [Name, MethodName, FullName];
}
