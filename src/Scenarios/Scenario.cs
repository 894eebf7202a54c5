namespace Interleave.Scenarios;

/// <summary>One built-in scenario: a program from the seed tutorial, correct or with its bug.</summary>
/// <param name="Name">Short name, e.g. <c>bank.unprotected-withdraw</c>.</param>
/// <param name="Description">One line: what the program does and what can go wrong.</param>
/// <param name="Test">The test entry point (also marked <c>[Test]</c> for <c>coyote test</c>).</param>
/// <param name="IsBuggy">True for the version with the bug, which exploration must find.</param>
public sealed record Scenario(string Name, string Description, Func<Task> Test, bool IsBuggy);
