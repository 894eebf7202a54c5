using System.Collections;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// The steps of .NET's concurrent collections under test (<see cref="ConcurrentDictionaryShim{TKey, TValue}"/>
/// and the queue, stack and bag shims): each operation, after Coyote's wrapper has run it, is a step of the
/// account naming the collection ("ConcurrentDictionary#1", numbered per kind in the order they are first
/// used), with its source line. The collections themselves stay .NET's.
/// </summary>
internal static class CollectionSteps
{
    private static readonly ConditionalWeakTable<ICollection, Named> Names = new();

    // Names are numbered per iteration under test, the only place these steps are reported.
    private static int _outsideTests;

    /// <summary>Reports a look into <paramref name="collection"/> that found what it looked for, or not; returns <paramref name="found"/>.</summary>
    internal static bool Looked(ICollection collection, PrimitiveKind kind, bool found, string callerFile, int callerLine)
    {
        Report(collection, kind, PrimitiveOperation.Lookup, found, callerFile, callerLine);
        return found;
    }

    /// <summary>Reports a change of <paramref name="collection"/>'s entries, done or refused; returns <paramref name="changed"/>.</summary>
    internal static bool Updated(ICollection collection, PrimitiveKind kind, bool changed, string callerFile, int callerLine)
    {
        Report(collection, kind, PrimitiveOperation.Update, changed, callerFile, callerLine);
        return changed;
    }

    /// <summary>Reports an item added to <paramref name="collection"/>.</summary>
    internal static void Put(ICollection collection, PrimitiveKind kind, string callerFile, int callerLine) =>
        Report(collection, kind, PrimitiveOperation.Put, true, callerFile, callerLine);

    /// <summary>Reports an item taken from <paramref name="collection"/>, or none there; returns <paramref name="taken"/>.</summary>
    internal static bool Took(ICollection collection, PrimitiveKind kind, bool taken, string callerFile, int callerLine)
    {
        Report(collection, kind, PrimitiveOperation.Get, taken, callerFile, callerLine);
        return taken;
    }

    private static void Report(ICollection collection, PrimitiveKind kind, PrimitiveOperation operation, bool succeeded, string callerFile, int callerLine)
    {
        if (!Scheduling.IsControlled || !PrimitiveEvents.IsObserved)
        {
            return;
        }

        var named = Names.GetValue(collection, _ => new Named(new PrimitiveName(kind, null, ref _outsideTests)));
        var outcome = succeeded ? OperationOutcome.Completed : OperationOutcome.Refused;
        PrimitiveEvents.Report(named.Name, operation, outcome, collection.Count, callerFile, callerLine);
    }

    private sealed class Named(PrimitiveName name)
    {
        internal PrimitiveName Name { get; } = name;
    }
}
