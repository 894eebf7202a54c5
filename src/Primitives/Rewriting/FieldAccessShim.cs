using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// The reads and writes of plain fields and array elements in code rewritten with <c>--observe-fields</c>,
/// called just before each one: under test, a scheduling point and a step of the account naming the field
/// ("Counter#1.count" for an instance's, "Counter.total" for a static one, "Int32[]#2[3]" for an element),
/// which the race detector checks as it checks a <see cref="Shared{T}"/> cell. A <c>volatile</c> field's
/// accesses are steps too, never a race, and order the tasks as .NET's memory model says: what was written
/// before a volatile write is seen after a volatile read. Outside a test each call is one branch.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FieldAccessShim
{
    private static readonly ConditionalWeakTable<object, Owner> Owners = new();

    // Instances are numbered per iteration under test, the only place these steps are reported.
    private static int _outsideTests;

    /// <summary>Before a read of a field.</summary>
    /// <param name="instance">The object whose field it is, or null for a static field.</param>
    /// <param name="type">The name of the field's class (of the class it is nested in, for the compiler's closures).</param>
    /// <param name="field">The field's name (the property's, for an auto-property's backing field).</param>
    /// <param name="callerFile">The source file of the access, or empty.</param>
    /// <param name="callerLine">Its line, or 0.</param>
    public static void Read(object? instance, string type, string field, string callerFile, int callerLine) =>
        Access(PrimitiveKind.Field, PrimitiveOperation.Read, instance, type, field, callerFile, callerLine);

    /// <summary>Before a write of a field.</summary>
    /// <inheritdoc cref="Read" path="/param"/>
    public static void Write(object? instance, string type, string field, string callerFile, int callerLine) =>
        Access(PrimitiveKind.Field, PrimitiveOperation.Write, instance, type, field, callerFile, callerLine);

    /// <summary>Before a read of a <c>volatile</c> field.</summary>
    /// <inheritdoc cref="Read" path="/param"/>
    public static void ReadVolatile(object? instance, string type, string field, string callerFile, int callerLine) =>
        Access(PrimitiveKind.VolatileField, PrimitiveOperation.Read, instance, type, field, callerFile, callerLine);

    /// <summary>Before a write of a <c>volatile</c> field.</summary>
    /// <inheritdoc cref="Read" path="/param"/>
    public static void WriteVolatile(object? instance, string type, string field, string callerFile, int callerLine) =>
        Access(PrimitiveKind.VolatileField, PrimitiveOperation.Write, instance, type, field, callerFile, callerLine);

    /// <summary>Before a read of an array's element.</summary>
    /// <param name="array">The array.</param>
    /// <param name="index">The element's index.</param>
    /// <param name="callerFile">The source file of the access, or empty.</param>
    /// <param name="callerLine">Its line, or 0.</param>
    public static void ReadElement(Array? array, nint index, string callerFile, int callerLine) =>
        Element(PrimitiveOperation.Read, array, index, callerFile, callerLine);

    /// <summary>Before a write of an array's element.</summary>
    /// <inheritdoc cref="ReadElement" path="/param"/>
    public static void WriteElement(Array? array, nint index, string callerFile, int callerLine) =>
        Element(PrimitiveOperation.Write, array, index, callerFile, callerLine);

    /// <summary>Before a compound assignment of an array's element (<c>tally[i] += 1</c>): a read and a write.</summary>
    /// <inheritdoc cref="ReadElement" path="/param"/>
    public static void UpdateElement(Array? array, nint index, string callerFile, int callerLine)
    {
        if (Element(array, index) is { } name)
        {
            PrimitiveEvents.Report(name, PrimitiveOperation.Read, OperationOutcome.Completed, -1, callerFile, callerLine);
            PrimitiveEvents.Report(name, PrimitiveOperation.Write, OperationOutcome.Completed, -1, callerFile, callerLine);
        }
    }

    private static void Element(PrimitiveOperation operation, Array? array, nint index, string callerFile, int callerLine)
    {
        if (Element(array, index) is { } name)
        {
            PrimitiveEvents.Report(name, operation, OperationOutcome.Completed, -1, callerFile, callerLine);
        }
    }

    // Under test, a scheduling point and the element's name, "Int32[]#2[3]": the array's type and number, and
    // the index. A null array throws at the access itself.
    private static PrimitiveName? Element(Array? array, nint index)
    {
        if (array is null || !Scheduling.IsControlled || !PrimitiveEvents.IsObserved)
        {
            return null;
        }

        Scheduling.Point();
        return new PrimitiveName(PrimitiveKind.ArrayElement, Owners.GetOrAdd(array, static (a, _) => new Owner(a.GetType().Name), 0).NameOf(index));
    }

    private static void Access(PrimitiveKind kind, PrimitiveOperation operation, object? instance, string type, string field, string callerFile, int callerLine)
    {
        if (!Scheduling.IsControlled || !PrimitiveEvents.IsObserved)
        {
            return;
        }

        Scheduling.Point();
        var name = instance is null ? $"{type}.{field}" : Owners.GetOrAdd(instance, static (_, type) => new Owner(type), type).NameOf(field);
        PrimitiveEvents.Report(new PrimitiveName(kind, name), operation, OperationOutcome.Completed, -1, callerFile, callerLine);
    }

    // An object whose fields (or an array whose elements) tasks access: its number, and its fields' names.
    private sealed class Owner(string type)
    {
        private readonly string _name = $"{type}#{IterationCounters.Next(PrimitiveKind.Field, ref _outsideTests)}";
        private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

        internal string NameOf(nint index) => string.Create(CultureInfo.InvariantCulture, $"{_name}[{index}]");

        internal string NameOf(string field)
        {
            // An object that outlives an iteration can be seen by engines running side by side.
            lock (_fields)
            {
                if (!_fields.TryGetValue(field, out var name))
                {
                    _fields[field] = name = $"{_name}.{field}";
                }

                return name;
            }
        }
    }
}
