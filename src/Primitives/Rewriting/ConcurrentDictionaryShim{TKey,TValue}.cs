using System.Collections.Concurrent;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using CoyoteConcurrent = Microsoft.Coyote.Rewriting.Types.Collections.Concurrent;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> in rewritten code (a <c>dict</c> shared by asyncio tasks):
/// under test each lookup and each change is a step of the account, so that a check-then-act (a
/// <c>ContainsKey</c>, another task's change, then this task's) reads as it ran. Each runs in Coyote's wrapper,
/// which makes it a scheduling point.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Collections.Concurrent.ConcurrentDictionary`2")]
public static class ConcurrentDictionaryShim<TKey, TValue>
    where TKey : notnull
{
    /// <summary><see cref="ConcurrentDictionary{TKey, TValue}.ContainsKey(TKey)"/>.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>Whether the key is there.</returns>
    public static bool ContainsKey(ConcurrentDictionary<TKey, TValue> instance, TKey key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentDictionary, CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.ContainsKey(instance, key), callerFile, callerLine);

    /// <summary><see cref="ConcurrentDictionary{TKey, TValue}.TryGetValue(TKey, out TValue)"/>.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, if found.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>Whether the key is there.</returns>
    public static bool TryGetValue(ConcurrentDictionary<TKey, TValue> instance, TKey key, out TValue value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentDictionary, CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.TryGetValue(instance, key, out value), callerFile, callerLine);

    /// <summary>The indexer's get, <see cref="ConcurrentDictionary{TKey, TValue}.this[TKey]"/>.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The key is not there.</exception>
    public static TValue get_Item(ConcurrentDictionary<TKey, TValue> instance, TKey key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        try
        {
            var value = CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.get_Item(instance, key);
            CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentDictionary, true, callerFile, callerLine);
            return value;
        }
        catch (KeyNotFoundException)
        {
            CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentDictionary, false, callerFile, callerLine);
            throw;
        }
    }

    /// <summary>The indexer's set, <see cref="ConcurrentDictionary{TKey, TValue}.this[TKey]"/>.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    public static void set_Item(ConcurrentDictionary<TKey, TValue> instance, TKey key, TValue value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.set_Item(instance, key, value);
        CollectionSteps.Updated(instance, PrimitiveKind.ConcurrentDictionary, true, callerFile, callerLine);
    }

    /// <summary><see cref="ConcurrentDictionary{TKey, TValue}.TryAdd(TKey, TValue)"/>.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if the key was there already.</returns>
    public static bool TryAdd(ConcurrentDictionary<TKey, TValue> instance, TKey key, TValue value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        CollectionSteps.Updated(instance, PrimitiveKind.ConcurrentDictionary, CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.TryAdd(instance, key, value), callerFile, callerLine);

    /// <summary><see cref="ConcurrentDictionary{TKey, TValue}.TryRemove(TKey, out TValue)"/>.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value removed, if any.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if the key was not there.</returns>
    public static bool TryRemove(ConcurrentDictionary<TKey, TValue> instance, TKey key, out TValue value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        CollectionSteps.Updated(instance, PrimitiveKind.ConcurrentDictionary, CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.TryRemove(instance, key, out value), callerFile, callerLine);

    /// <summary><see cref="ConcurrentDictionary{TKey, TValue}.TryUpdate(TKey, TValue, TValue)"/>.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="newValue">The new value.</param>
    /// <param name="comparisonValue">The value the key must have.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>False if the key was not there with that value.</returns>
    public static bool TryUpdate(ConcurrentDictionary<TKey, TValue> instance, TKey key, TValue newValue, TValue comparisonValue, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        CollectionSteps.Updated(instance, PrimitiveKind.ConcurrentDictionary, CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.TryUpdate(instance, key, newValue, comparisonValue), callerFile, callerLine);

    /// <summary><see cref="ConcurrentDictionary{TKey, TValue}.GetOrAdd(TKey, TValue)"/>.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value to add if the key is not there.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The key's value.</returns>
    public static TValue GetOrAdd(ConcurrentDictionary<TKey, TValue> instance, TKey key, TValue value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var result = CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.GetOrAdd(instance, key, value);
        CollectionSteps.Updated(instance, PrimitiveKind.ConcurrentDictionary, true, callerFile, callerLine);
        return result;
    }

    /// <summary><see cref="ConcurrentDictionary{TKey, TValue}.GetOrAdd(TKey, Func{TKey, TValue})"/>.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="valueFactory">Makes the value to add if the key is not there.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The key's value.</returns>
    public static TValue GetOrAdd(ConcurrentDictionary<TKey, TValue> instance, TKey key, Func<TKey, TValue> valueFactory, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var value = CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.GetOrAdd(instance, key, valueFactory);
        CollectionSteps.Updated(instance, PrimitiveKind.ConcurrentDictionary, true, callerFile, callerLine);
        return value;
    }

    /// <summary><see cref="ConcurrentDictionary{TKey, TValue}.AddOrUpdate(TKey, TValue, Func{TKey, TValue, TValue})"/>.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="addValue">The value to add if the key is not there.</param>
    /// <param name="updateValueFactory">Makes the new value from the key's value.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The key's new value.</returns>
    public static TValue AddOrUpdate(ConcurrentDictionary<TKey, TValue> instance, TKey key, TValue addValue, Func<TKey, TValue, TValue> updateValueFactory, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var value = CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.AddOrUpdate(instance, key, addValue, updateValueFactory);
        CollectionSteps.Updated(instance, PrimitiveKind.ConcurrentDictionary, true, callerFile, callerLine);
        return value;
    }

    /// <summary><see cref="ConcurrentDictionary{TKey, TValue}.AddOrUpdate(TKey, Func{TKey, TValue}, Func{TKey, TValue, TValue})"/>.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="addValueFactory">Makes the value to add if the key is not there.</param>
    /// <param name="updateValueFactory">Makes the new value from the key's value.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>The key's new value.</returns>
    public static TValue AddOrUpdate(ConcurrentDictionary<TKey, TValue> instance, TKey key, Func<TKey, TValue> addValueFactory, Func<TKey, TValue, TValue> updateValueFactory, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var value = CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.AddOrUpdate(instance, key, addValueFactory, updateValueFactory);
        CollectionSteps.Updated(instance, PrimitiveKind.ConcurrentDictionary, true, callerFile, callerLine);
        return value;
    }

    /// <summary><see cref="ConcurrentDictionary{TKey, TValue}.Count"/>: a look that finds entries, or none.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>How many entries there are.</returns>
    public static int get_Count(ConcurrentDictionary<TKey, TValue> instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var count = CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.get_Count(instance);
        CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentDictionary, count > 0, callerFile, callerLine);
        return count;
    }

    /// <summary><see cref="ConcurrentDictionary{TKey, TValue}.IsEmpty"/>: a look that finds entries, or none.</summary>
    /// <param name="instance">The dictionary.</param>
    /// <param name="callerFile">Filled in by the rewriter.</param>
    /// <param name="callerLine">Filled in by the rewriter.</param>
    /// <returns>Whether there are none.</returns>
    public static bool get_IsEmpty(ConcurrentDictionary<TKey, TValue> instance, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        !CollectionSteps.Looked(instance, PrimitiveKind.ConcurrentDictionary, !CoyoteConcurrent.ConcurrentDictionary<TKey, TValue>.get_IsEmpty(instance), callerFile, callerLine);
}
