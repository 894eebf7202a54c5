using System.Diagnostics;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives;

/// <summary>
/// A variable that several tasks share, marked so that systematic tests check every access: under test each
/// read and write is a scheduling point and is checked for a data race (two tasks touching it, one writing,
/// with no synchronization between them); in production it is a plain field. asyncio has no equivalent:
/// its tasks share plain variables, and the race is the bug this makes visible.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <remarks>
/// Use <see cref="Read"/> and <see cref="Write"/> so a race names the source lines; <see cref="Value"/> is
/// checked the same way but cannot say where it was called from. The cell checks accesses to itself only:
/// a reference it holds is not followed.
/// </remarks>
[DebuggerDisplay("{_name.Name,nq} = {_value}")]
public sealed class Shared<T>
{
    private static int _instances;
    private readonly PrimitiveName _name;
    private T _value;

    /// <summary>Creates a cell holding <paramref name="value"/>.</summary>
    /// <param name="value">The initial value.</param>
    /// <param name="name">A name for traces and race reports; defaults to "Shared#n".</param>
    public Shared(T value, string? name = null)
    {
        _value = value;
        _name = new PrimitiveName(PrimitiveKind.Shared, name, ref _instances);
    }

    /// <summary>The cell's name in traces.</summary>
    public string Name => _name.Name;

    /// <summary>The value, read and written as by <see cref="Read"/> and <see cref="Write"/> but without source lines.</summary>
    public T Value
    {
        get => Read();
        set => Write(value);
    }

    /// <summary>Reads the value.</summary>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    /// <returns>The value.</returns>
    public T Read([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point(_name.Name);
        PrimitiveEvents.Report(_name, PrimitiveOperation.Read, OperationOutcome.Completed, -1, callerFile, callerLine);
        return _value;
    }

    /// <summary>Writes the value.</summary>
    /// <param name="value">The new value.</param>
    /// <param name="callerFile">Filled in by the compiler for traces.</param>
    /// <param name="callerLine">Filled in by the compiler for traces.</param>
    public void Write(T value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Scheduling.Point(_name.Name);
        PrimitiveEvents.Report(_name, PrimitiveOperation.Write, OperationOutcome.Completed, -1, callerFile, callerLine);
        _value = value;
    }
}
