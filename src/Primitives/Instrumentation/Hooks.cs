using System.Reflection;
using System.Runtime.CompilerServices;

namespace Interleave.Primitives.Instrumentation;

/// <summary>
/// Whether the primitives' hooks can do anything in this process: a Coyote test can run (its testing
/// assembly is loaded) or an observer is installed. When neither holds, which is production, the
/// primitives take fast paths that cost one load and one branch more than code without hooks.
/// </summary>
internal static class Hooks
{
    /// <summary>The assembly of Coyote's <c>TestingEngine</c>.</summary>
    internal const string TestingEngineAssembly = "Microsoft.Coyote.Test";

#if !INTERLEAVE_BARE
    private static readonly Lock Gate = new();
    private static volatile bool _schedulerLoaded;
    private static volatile bool _active;

    // Only a TestingEngine (which `coyote test`, the harness and Coyote's own test helpers all use) runs
    // controlled operations. Until its assembly loads, which production code never does, no thread can be
    // controlled: the primitives need not ask each time (a thread-local read), only read this flag.
    static Hooks()
    {
        // Subscribe before looking, so an assembly loaded in between is seen by one or the other.
        AppDomain.CurrentDomain.AssemblyLoad += static (_, loaded) => NoteIfTestingEngine(loaded.LoadedAssembly);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            NoteIfTestingEngine(assembly);
        }
    }
#endif

    /// <summary>True when a test may control the caller or an observer may want its events.</summary>
    internal static bool Active
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
#if INTERLEAVE_BARE
        get => false;
#else
        get => _active;
#endif
    }

    /// <summary>True once Coyote's testing assembly is loaded or the native engine has run: from then on a thread may be controlled.</summary>
    internal static bool SchedulerLoaded
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
#if INTERLEAVE_BARE
        get => false;
#else
        get => _schedulerLoaded;
#endif
    }

    /// <summary>Told by the native engine before it runs its first operation.</summary>
    internal static void NoteNativeEngine()
    {
#if !INTERLEAVE_BARE
        _schedulerLoaded = true;
        Refresh();
#endif
    }

    /// <summary>Recomputes <see cref="Active"/> after either of its inputs changed.</summary>
    internal static void Refresh()
    {
#if !INTERLEAVE_BARE
        // Under a lock, so two refreshes racing cannot leave the older answer last.
        lock (Gate)
        {
            _active = _schedulerLoaded || PrimitiveObservers.Current is not null;
        }
#endif
    }

#if !INTERLEAVE_BARE
    private static void NoteIfTestingEngine(Assembly assembly)
    {
        if (assembly.GetName().Name == TestingEngineAssembly)
        {
            _schedulerLoaded = true;
            Refresh();
        }
    }
#endif
}
