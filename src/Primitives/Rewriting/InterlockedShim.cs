using System.ComponentModel;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using CoyoteInterlocked = Microsoft.Coyote.Rewriting.Types.Threading.Interlocked;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="Interlocked"/> in rewritten code: Coyote's wrapper (a scheduling point, then the operation), and
/// under test a step of the account ("call Interlocked.Increment") that orders the tasks, so that a value
/// published by an interlocked operation is no data race for <c>--observe-fields</c>. Atomic operations are
/// ordered with each other whatever location each touches: that can hide a race, never invent one.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.Interlocked")]
public static class InterlockedShim
{
    /// <summary><c>Interlocked.Read(ref long)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static long Read(ref long location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Interlocked.Read(ref ulong)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static ulong Read(ref ulong location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Add(ref int,int)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The operand.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The new value.</returns>
    public static int Add(ref int location1, int value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Add(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Add", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Add(ref long,long)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The operand.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The new value.</returns>
    public static long Add(ref long location1, long value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Add(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Add", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Add(ref uint,uint)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The operand.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The new value.</returns>
    public static uint Add(ref uint location1, uint value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Add(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Add", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Add(ref ulong,ulong)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The operand.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The new value.</returns>
    public static ulong Add(ref ulong location1, ulong value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Add(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Add", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Increment(ref int)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The new value.</returns>
    public static int Increment(ref int location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Increment(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Increment", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Increment(ref long)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The new value.</returns>
    public static long Increment(ref long location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Increment(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Increment", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Increment(ref ulong)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The new value.</returns>
    public static ulong Increment(ref ulong location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Increment(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Increment", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Increment(ref uint)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The new value.</returns>
    public static uint Increment(ref uint location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Increment(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Increment", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Decrement(ref int)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The new value.</returns>
    public static int Decrement(ref int location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Decrement(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Decrement", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Decrement(ref long)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The new value.</returns>
    public static long Decrement(ref long location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Decrement(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Decrement", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Decrement(ref uint)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The new value.</returns>
    public static uint Decrement(ref uint location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Decrement(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Decrement", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Decrement(ref ulong)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The new value.</returns>
    public static ulong Decrement(ref ulong location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Decrement(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Decrement", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Exchange(ref int,int)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static int Exchange(ref int location1, int value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Exchange(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Exchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Exchange(ref long,long)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static long Exchange(ref long location1, long value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Exchange(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Exchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Exchange(ref uint,uint)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static uint Exchange(ref uint location1, uint value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Exchange(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Exchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Exchange(ref ulong,ulong)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static ulong Exchange(ref ulong location1, ulong value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Exchange(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Exchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Exchange(ref float,float)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static float Exchange(ref float location1, float value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Exchange(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Exchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Exchange(ref double,double)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static double Exchange(ref double location1, double value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Exchange(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Exchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Exchange(ref object,object)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static object Exchange(ref object location1, object value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Exchange(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Exchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Exchange{T}(ref T,T)"/>.</summary>
    /// <typeparam name="T">The type of the location's value.</typeparam>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static T Exchange<T>(ref T location1, T value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where T : class
    {
        var result = CoyoteInterlocked.Exchange<T>(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Exchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Exchange(ref IntPtr,IntPtr)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static IntPtr Exchange(ref IntPtr location1, IntPtr value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Exchange(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Exchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Exchange(ref UIntPtr,UIntPtr)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static UIntPtr Exchange(ref UIntPtr location1, UIntPtr value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Exchange(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Exchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.CompareExchange(ref int,int,int)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written if the location holds the comparand.</param>
    /// <param name="comparand">The value the location is compared with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static int CompareExchange(ref int location1, int value, int comparand, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.CompareExchange(ref location1, value, comparand);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.CompareExchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.CompareExchange(ref long,long,long)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written if the location holds the comparand.</param>
    /// <param name="comparand">The value the location is compared with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static long CompareExchange(ref long location1, long value, long comparand, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.CompareExchange(ref location1, value, comparand);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.CompareExchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.CompareExchange(ref uint,uint,uint)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written if the location holds the comparand.</param>
    /// <param name="comparand">The value the location is compared with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static uint CompareExchange(ref uint location1, uint value, uint comparand, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.CompareExchange(ref location1, value, comparand);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.CompareExchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.CompareExchange(ref ulong,ulong,ulong)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written if the location holds the comparand.</param>
    /// <param name="comparand">The value the location is compared with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static ulong CompareExchange(ref ulong location1, ulong value, ulong comparand, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.CompareExchange(ref location1, value, comparand);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.CompareExchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.CompareExchange(ref float,float,float)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written if the location holds the comparand.</param>
    /// <param name="comparand">The value the location is compared with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static float CompareExchange(ref float location1, float value, float comparand, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.CompareExchange(ref location1, value, comparand);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.CompareExchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.CompareExchange(ref double,double,double)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written if the location holds the comparand.</param>
    /// <param name="comparand">The value the location is compared with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static double CompareExchange(ref double location1, double value, double comparand, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.CompareExchange(ref location1, value, comparand);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.CompareExchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.CompareExchange(ref object,object,object)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written if the location holds the comparand.</param>
    /// <param name="comparand">The value the location is compared with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static object CompareExchange(ref object location1, object value, object comparand, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.CompareExchange(ref location1, value, comparand);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.CompareExchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.CompareExchange{T}(ref T,T,T)"/>.</summary>
    /// <typeparam name="T">The type of the location's value.</typeparam>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written if the location holds the comparand.</param>
    /// <param name="comparand">The value the location is compared with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static T CompareExchange<T>(ref T location1, T value, T comparand, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where T : class
    {
        var result = CoyoteInterlocked.CompareExchange<T>(ref location1, value, comparand);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.CompareExchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.CompareExchange(ref IntPtr,IntPtr,IntPtr)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written if the location holds the comparand.</param>
    /// <param name="comparand">The value the location is compared with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static IntPtr CompareExchange(ref IntPtr location1, IntPtr value, IntPtr comparand, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.CompareExchange(ref location1, value, comparand);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.CompareExchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.CompareExchange(ref UIntPtr,UIntPtr,UIntPtr)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The value written if the location holds the comparand.</param>
    /// <param name="comparand">The value the location is compared with.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static UIntPtr CompareExchange(ref UIntPtr location1, UIntPtr value, UIntPtr comparand, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.CompareExchange(ref location1, value, comparand);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.CompareExchange", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.And(ref int,int)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The operand.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static int And(ref int location1, int value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.And(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.And", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.And(ref long,long)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The operand.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static long And(ref long location1, long value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.And(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.And", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.And(ref uint,uint)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The operand.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static uint And(ref uint location1, uint value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.And(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.And", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.And(ref ulong,ulong)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The operand.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static ulong And(ref ulong location1, ulong value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.And(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.And", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Or(ref int,int)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The operand.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static int Or(ref int location1, int value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Or(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Or", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Or(ref long,long)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The operand.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static long Or(ref long location1, long value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Or(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Or", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Or(ref uint,uint)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The operand.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static uint Or(ref uint location1, uint value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Or(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Or", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Interlocked.Or(ref ulong,ulong)"/>.</summary>
    /// <param name="location1">The location.</param>
    /// <param name="value">The operand.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value the location held.</returns>
    public static ulong Or(ref ulong location1, ulong value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteInterlocked.Or(ref location1, value);
        AtomicMemorySteps.Done(PrimitiveKind.Interlocked, "Interlocked.Or", callerFile, callerLine);
        return result;
    }
}
