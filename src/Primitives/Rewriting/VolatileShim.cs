using System.ComponentModel;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using CoyoteVolatile = Microsoft.Coyote.Rewriting.Types.Threading.Volatile;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="Volatile"/> in rewritten code: Coyote's wrapper (a scheduling point, then the read or write), and
/// under test a step of the account ("call Volatile.Write") that orders the tasks, as a volatile field's
/// accesses do (<see cref="FieldAccessShim"/>), whatever location each touches.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.Volatile")]
public static class VolatileShim
{
    /// <summary><c>Volatile.Read(ref bool)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static bool Read(ref bool location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read(ref UIntPtr)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static UIntPtr Read(ref UIntPtr location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read(ref ulong)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static ulong Read(ref ulong location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read(ref uint)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static uint Read(ref uint location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read(ref ushort)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static ushort Read(ref ushort location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read(ref float)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static float Read(ref float location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read(ref sbyte)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static sbyte Read(ref sbyte location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read&lt;T&gt;(ref T)</c>.</summary>
    /// <typeparam name="T">The type of the location's value.</typeparam>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static T Read<T>(ref T location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where T : class
    {
        var result = CoyoteVolatile.Read<T>(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read(ref long)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static long Read(ref long location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read(ref int)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static int Read(ref int location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read(ref short)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static short Read(ref short location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read(ref double)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static double Read(ref double location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read(ref byte)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static byte Read(ref byte location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><c>Volatile.Read(ref IntPtr)</c>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value read.</returns>
    public static IntPtr Read(ref IntPtr location, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteVolatile.Read(ref location);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Read", callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="Volatile.Write(ref ulong,ulong)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref ulong location, ulong value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write(ref uint,uint)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref uint location, uint value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write(ref ushort,ushort)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref ushort location, ushort value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write(ref float,float)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref float location, float value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write(ref sbyte,sbyte)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref sbyte location, sbyte value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write(ref IntPtr,IntPtr)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref IntPtr location, IntPtr value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write(ref short,short)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref short location, short value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write(ref int,int)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref int location, int value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write(ref double,double)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref double location, double value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write(ref byte,byte)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref byte location, byte value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write(ref bool,bool)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref bool location, bool value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write(ref UIntPtr,UIntPtr)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref UIntPtr location, UIntPtr value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write(ref long,long)"/>.</summary>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write(ref long location, long value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteVolatile.Write(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }

    /// <summary><see cref="Volatile.Write{T}(ref T,T)"/>.</summary>
    /// <typeparam name="T">The type of the location's value.</typeparam>
    /// <param name="location">The location.</param>
    /// <param name="value">The value written.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void Write<T>(ref T location, T value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where T : class
    {
        CoyoteVolatile.Write<T>(ref location, value);
        AtomicMemorySteps.Done(PrimitiveKind.Volatile, "Volatile.Write", callerFile, callerLine);
    }
}
