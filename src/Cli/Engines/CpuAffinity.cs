using System.Globalization;
using System.Runtime.InteropServices;

namespace Interleave.Cli.Engines;

/// <summary>
/// Pins this process to one processor when <c>INTERLEAVE_CPU</c> says which: how <c>--parallel</c> keeps
/// each engine process on a processor of its own.
/// </summary>
/// <remarks>
/// Coyote runs every controlled operation on a thread of its own and hands control from thread to thread at
/// each step. Across processors each hand-off is a wake-up on another processor (costly in a virtual
/// machine) while the thread that handed off spins; on one processor it is a plain switch. Measured on
/// the 2-core machine of bench/RESULTS.md: <c>test -p 2</c> with its processes pinned finishes in 1/1.5 to
/// 1/1.6 of the time of <c>test -p 1</c>; engines as threads of one process gain 1.2-1.3x, and unpinned
/// processes did no better than one (taskset). Linux only: .NET gives every new thread the affinity
/// of the process's main thread, so pinning that thread first thing pins all the threads Coyote creates.
/// </remarks>
internal static class CpuAffinity
{
    /// <summary>The environment variable that names the processor, from 0.</summary>
    internal const string Variable = "INTERLEAVE_CPU";

    /// <summary>Pins the calling thread (call it from Main, first) to the processor the environment names, if any.</summary>
    internal static void PinFromEnvironment()
    {
        if (OperatingSystem.IsLinux()
            && int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var cpu)
            && cpu < 64)
        {
            var mask = 1UL << cpu;

            // Best effort: a processor the process may not use leaves it unpinned, which is only slower.
            _ = SchedSetAffinity(0, sizeof(ulong), ref mask);
        }
    }

    [DllImport("libc", EntryPoint = "sched_setaffinity")]
    private static extern int SchedSetAffinity(int threadId, nint maskSize, ref ulong mask);
}
