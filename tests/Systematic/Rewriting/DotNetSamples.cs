using System.Reflection;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>
/// The sample assemblies on .NET's own primitives (tests/DotNetSamples, tests/ChannelSamples), each in its own
/// build folder, at the paths the build stamps on this assembly; this process never loads them unrewritten.
/// </summary>
internal static class DotNetSamples
{
    /// <summary>The samples of tests/DotNetSamples, buggy and correct.</summary>
    internal static string Dll { get; } = Stamped("DotNetSamples");

    /// <summary>The correct pipeline on System.Threading.Channels of tests/ChannelSamples.</summary>
    internal static string ChannelsDll { get; } = Stamped("ChannelSamples");

    private static string Stamped(string key) => typeof(DotNetSamples).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == key).Value!;
}
