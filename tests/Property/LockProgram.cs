using Interleave.Primitives;

namespace Interleave.Tests.Property;

/// <summary>
/// A program of a few tasks that take and release a few <see cref="AsyncLock"/>s, nested (each task releases
/// the lock it took last, holds no lock twice, and ends holding none), with yields between: the abstract form
/// that <see cref="DeadlockOracle"/> searches, and the real program that <see cref="RunAsync"/> runs.
/// </summary>
/// <param name="LockCount">How many locks there are, named "a", "b", ... in order.</param>
/// <param name="Tasks">Each task's steps, in order; the tasks are named "T1", "T2", ...</param>
public sealed record LockProgram(int LockCount, IReadOnlyList<IReadOnlyList<LockStep>> Tasks)
{
    /// <summary>The name of lock <paramref name="index"/>: "a", "b", ...</summary>
    /// <param name="index">The lock's index.</param>
    /// <returns>Its name.</returns>
    public static string LockName(int index) => ((char)('a' + index)).ToString();

    /// <summary>The name of task <paramref name="index"/>: "T1", "T2", ...</summary>
    /// <param name="index">The task's index.</param>
    /// <returns>Its name.</returns>
    public static string TaskName(int index) => $"T{index + 1}";

    /// <summary>
    /// The locks task <paramref name="task"/> holds before its step <paramref name="step"/> (after all its
    /// steps when <paramref name="step"/> is their count), innermost last.
    /// </summary>
    /// <param name="task">The task's index.</param>
    /// <param name="step">The index of its next step.</param>
    /// <returns>The lock indices it holds.</returns>
    public IReadOnlyList<int> HeldBefore(int task, int step)
    {
        var held = new List<int>();
        foreach (var done in Tasks[task].Take(step))
        {
            if (done.Kind == LockStepKind.Acquire)
            {
                held.Add(done.Lock);
            }
            else if (done.Kind == LockStepKind.Release)
            {
                held.Remove(done.Lock);
            }
        }

        return held;
    }

    /// <summary>
    /// Runs the program as a test: each task a <see cref="ControlledTask"/> over real locks, recording in
    /// <paramref name="progress"/> the step each task is at, so that after a deadlock the test knows where
    /// every task stopped without asking the harness.
    /// </summary>
    /// <param name="progress">Reset here, then kept up to date as the tasks run.</param>
    /// <returns>The test's task: done when every task is.</returns>
    public async Task RunAsync(TaskProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        progress.Reset(Tasks.Count);
        var locks = Enumerable.Range(0, LockCount).Select(l => new AsyncLock(LockName(l))).ToArray();
        var running = new Task[Tasks.Count];
        for (var task = 0; task < Tasks.Count; task++)
        {
            var index = task;
            running[task] = ControlledTask.Run(() => RunTaskAsync(index, locks, progress), TaskName(task));
        }

        await Task.WhenAll(running);
    }

    /// <summary>
    /// Smaller programs that keep the shape: one yield left out, or one acquisition left out together with
    /// its release. FsCheck tries them when a property fails, to report a minimal program.
    /// </summary>
    /// <returns>The candidates, smallest change first.</returns>
    public IEnumerable<LockProgram> Shrink()
    {
        for (var task = 0; task < Tasks.Count; task++)
        {
            var steps = Tasks[task];
            for (var step = 0; step < steps.Count; step++)
            {
                if (steps[step].Kind == LockStepKind.Yield)
                {
                    yield return WithTask(task, [.. steps.Where((_, i) => i != step)]);
                }
                else if (steps[step].Kind == LockStepKind.Acquire)
                {
                    var release = IndexOfRelease(steps, step);
                    yield return WithTask(task, [.. steps.Where((_, i) => i != step && i != release)]);
                }
            }
        }
    }

    /// <summary>The program as a listing, one task per line: "T1: +a +b y -b -a".</summary>
    /// <returns>The listing.</returns>
    public override string ToString() =>
        $"{LockCount} locks; " + string.Join("; ", Tasks.Select((steps, t) => $"{TaskName(t)}: {string.Join(' ', steps)}"));

    private static int IndexOfRelease(IReadOnlyList<LockStep> steps, int acquire)
    {
        for (var i = acquire + 1; i < steps.Count; i++)
        {
            if (steps[i] == new LockStep(LockStepKind.Release, steps[acquire].Lock))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Lock {LockName(steps[acquire].Lock)} is never released: {string.Join(' ', steps)}.");
    }

    private LockProgram WithTask(int task, IReadOnlyList<LockStep> steps) =>
        this with { Tasks = [.. Tasks.Select((old, t) => t == task ? steps : old)] };

    private async Task RunTaskAsync(int task, AsyncLock[] locks, TaskProgress progress)
    {
        var steps = Tasks[task];
        for (var step = 0; step < steps.Count; step++)
        {
            progress.Reached(task, step);
            switch (steps[step].Kind)
            {
                case LockStepKind.Acquire:
                    await locks[steps[step].Lock].AcquireAsync();
                    break;
                case LockStepKind.Release:
                    locks[steps[step].Lock].Release();
                    break;
                default:
                    await ControlledTask.Yield();
                    break;
            }
        }

        progress.Reached(task, steps.Count);
    }
}
