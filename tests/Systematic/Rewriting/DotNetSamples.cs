using System.Reflection;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>The sample assembly on .NET's own primitives (tests/DotNetSamples), in its own build folder.</summary>
internal static class DotNetSamples
{
    /// <summary>Its path, which the build stamps on this assembly; this process never loads it unrewritten.</summary>
    internal static string Dll { get; } = typeof(DotNetSamples).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "DotNetSamples").Value!;
}
