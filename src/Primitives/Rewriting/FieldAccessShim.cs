using System.ComponentModel;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// The reads and writes of plain fields in code rewritten with <c>--observe-fields</c>, called just before
/// each one: under test, a scheduling point and a step of the account naming the field ("Counter#1.count" for
/// an instance's, "Counter.total" for a static one), which the race detector checks as it checks a
/// <see cref="Shared{T}"/> cell. A <c>volatile</c> field's accesses are steps too, never a race, and order the
/// tasks as .NET's memory model says: what was written before a volatile write is seen after a volatile read.
/// Outside a test each call is one branch.
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

    // An object whose fields tasks access: its number, and the names of its fields as they are reported.
    private sealed class Owner(string type)
    {
        private readonly string _prefix = $"{type}#{IterationCounters.Next(PrimitiveKind.Field, ref _outsideTests)}.";
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

        internal string NameOf(string field)
        {
            // An object that outlives an iteration can be seen by engines running side by side.
            lock (_names)
            {
                if (!_names.TryGetValue(field, out var name))
                {
                    _names[field] = name = _prefix + field;
                }

                return name;
            }
        }
    }
}
