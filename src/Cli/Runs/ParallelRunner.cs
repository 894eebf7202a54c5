using Interleave.Harness.Exploration;

namespace Interleave.Cli.Runs;

/// <summary>
/// Runs work items on up to N threads (several Coyote engines run correctly side by side) and hands each
/// result to a callback in the items' order, as soon as it and all before it are done.
/// </summary>
internal static class ParallelRunner
{
    internal static IReadOnlyList<TResult> Run<TItem, TResult>(
        IReadOnlyList<TItem> items, int degree, Func<TItem, TResult> work, Action<TResult> inOrder)
        where TResult : class
    {
        var results = new TResult?[items.Count];
        if (degree <= 1)
        {
            for (var i = 0; i < items.Count; i++)
            {
                results[i] = work(items[i]);
                inOrder(results[i]!);
            }

            return results!;
        }

        var gate = new object();
        var taken = -1;
        var flushed = 0;
        void Worker()
        {
            int index;
            while ((index = Interlocked.Increment(ref taken)) < items.Count)
            {
                TResult result;
                try
                {
                    result = work(items[index]);
                }
                catch
                {
                    // The run fails with this: no other worker starts another item.
                    Interlocked.Exchange(ref taken, items.Count);
                    throw;
                }

                lock (gate)
                {
                    results[index] = result;
                    while (flushed < results.Length && results[flushed] is { } next)
                    {
                        inOrder(next);
                        flushed++;
                    }
                }
            }
        }

        DedicatedThreads.Run(Math.Min(degree, items.Count), Worker);

        return results!;
    }
}
