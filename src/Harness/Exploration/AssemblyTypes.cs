using System.Reflection;

namespace Interleave.Harness.Exploration;

/// <summary>Reflection over a user's assembly that survives types whose dependencies are missing.</summary>
internal static class AssemblyTypes
{
    /// <summary>The assembly's types, without those that cannot be loaded.</summary>
    internal static IEnumerable<Type> Loadable(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException error)
        {
            return error.Types.OfType<Type>();
        }
    }
}
