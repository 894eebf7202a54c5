using System.ComponentModel;
using Interleave.Primitives.Instrumentation;
using CoyoteTask = Microsoft.Coyote.Rewriting.Types.Threading.Tasks.Task;

namespace Interleave.Primitives.Rewriting;

/// <summary>
/// <see cref="Parallel.Invoke(Action[])"/> in rewritten code: under test each action a task named after its
/// method, waited for as Coyote waits, where Coyote 1.7.11 reports <c>Parallel.Invoke</c> as uncontrolled;
/// outside a test, <see cref="Parallel.Invoke(Action[])"/>. <c>Parallel.For</c> and <c>ForEach</c> stay
/// Coyote's, whose tasks are not named.
/// </summary>
/// <remarks>For the rewriter; not to be called from code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[ShimOf("Microsoft.Coyote.Rewriting.Types.Threading.Tasks.Parallel")]
public static class ParallelShim
{
    /// <summary><see cref="Parallel.Invoke(Action[])"/>.</summary>
    /// <param name="actions">The actions, each a task.</param>
    public static void Invoke(params Action[] actions) => Invoke(new ParallelOptions(), actions);

    /// <summary><see cref="Parallel.Invoke(ParallelOptions, Action[])"/>; the degree of parallelism is not modelled under test.</summary>
    /// <param name="parallelOptions">Its cancellation token stops the actions not yet started.</param>
    /// <param name="actions">The actions, each a task.</param>
    /// <exception cref="AggregateException">Actions threw; it holds what each threw.</exception>
    public static void Invoke(ParallelOptions parallelOptions, params Action[] actions)
    {
        if (!Scheduling.IsControlled)
        {
            Parallel.Invoke(parallelOptions, actions);
            return;
        }

        ArgumentNullException.ThrowIfNull(parallelOptions);
        ArgumentNullException.ThrowIfNull(actions);
        if (Array.IndexOf(actions, null) >= 0)
        {
            throw new ArgumentException("One of the actions was null.", nameof(actions));
        }

        parallelOptions.CancellationToken.ThrowIfCancellationRequested();
        CoyoteTask.WaitAll([.. actions.Select(action => TaskShim.Run(action, parallelOptions.CancellationToken))]);
    }
}
