using Mono.Cecil;

namespace Interleave.Rewriting;

/// <summary>A method of the primitives that stands in for a call, and whether it also takes the call's source line.</summary>
/// <param name="Method">The shim method, in the primitives' module.</param>
/// <param name="TakesCallSite">True if its last two parameters are the caller's file and line.</param>
internal sealed record Shim(MethodDefinition Method, bool TakesCallSite);
