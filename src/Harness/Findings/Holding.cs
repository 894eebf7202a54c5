namespace Interleave.Harness.Findings;

/// <summary>A primitive a waiting task holds.</summary>
/// <param name="Primitive">The primitive, as accounts name it: <c>lock 'a'</c>.</param>
/// <param name="Site">The source line that took it, as <c>File.cs:12</c>; empty when unknown.</param>
public sealed record Holding(string Primitive, string Site);
