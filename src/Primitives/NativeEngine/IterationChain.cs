using System.Runtime.ExceptionServices;

namespace Interleave.Primitives.NativeEngine;

/// <summary>
/// Native iterations run one after another, each begun on the thread that ended the one before: that thread
/// tells the caller's code how the iteration ended, asks it for the next, and runs the next one's first
/// operation itself. The calling thread only waits for the chain to end, as the watchdog of every iteration.
/// </summary>
/// <remarks>
/// Waking a sleeping thread between two schedules costs more than a short schedule's steps on a 2-core
/// machine; handing the chain on from the thread that is already running costs a call.
/// </remarks>
/// <param name="next">The next iteration and its test, or null when the chain ends; called on the thread that ended the last.</param>
/// <param name="ended">Told each iteration once it ended and its operations unwound (or the patience to wait for them ran out).</param>
internal sealed class IterationChain(Func<(NativeIteration Iteration, Func<Task> Test)?> next, Action<NativeIteration, IterationEnd> ended)
{
    private readonly ManualResetEventSlim _done = new();
    private NativeIteration? _current;
    private ExceptionDispatchInfo? _failure;

    /// <summary>
    /// Runs iterations until <c>next</c> returns null. A running operation that takes no step for
    /// <paramref name="patience"/> ends its iteration as <see cref="IterationEndKind.NoProgress"/>; an ended
    /// iteration whose operations do not unwind within another <paramref name="patience"/> is handed on without them.
    /// </summary>
    /// <exception cref="Exception">Whatever <c>next</c> or <c>ended</c> threw, rethrown here.</exception>
    internal void Run(TimeSpan patience)
    {
        if (Begin() is { } first)
        {
            NativeWorker.Start(first);
            NativeIteration? watched = null;
            var lastSteps = -1;
            while (!_done.Wait(patience))
            {
                var current = Volatile.Read(ref _current)!;
                var steps = current.Steps;
                if (current == watched && steps == lastSteps)
                {
                    if (current.End is null)
                    {
                        current.Fail(new IterationEnd(IterationEndKind.NoProgress));
                    }
                    else if (HandOn(current) is { } root)
                    {
                        NativeWorker.Start(root);
                    }
                }

                (watched, lastSteps) = (current, steps);
            }
        }

        _failure?.Throw();
    }

    /// <summary>
    /// Called by whoever finds <paramref name="iteration"/> ended with its operations unwound; the first call
    /// tells <c>ended</c> and returns the next iteration's first operation, to run on the calling thread, or null.
    /// </summary>
    internal NativeOperation? HandOn(NativeIteration iteration)
    {
        if (!iteration.TryHandOn())
        {
            return null;
        }

        try
        {
            ended(iteration, iteration.End!);
        }
        catch (Exception exception)
        {
            return Stop(exception);
        }

        return Begin();
    }

    private NativeOperation? Begin()
    {
        try
        {
            if (next() is not var (iteration, test))
            {
                return Stop(failure: null);
            }

            Volatile.Write(ref _current, iteration);
            return iteration.Begin(test, this);
        }
        catch (Exception exception)
        {
            return Stop(exception);
        }
    }

    // Ends the chain, keeping what failed it for Run to rethrow; no operation runs next.
    private NativeOperation? Stop(Exception? failure)
    {
        if (failure is not null)
        {
            _failure = ExceptionDispatchInfo.Capture(failure);
        }

        _done.Set();
        return null;
    }
}
