using Interleave.Primitives;
using Microsoft.Coyote.Specifications;

namespace Interleave.Tests.Property;

/// <summary>
/// A program of a few tasks that read and increment <see cref="Shared{T}"/> counters, some accesses inside
/// sections guarded by one <see cref="AsyncLock"/> and some outside; at the end the test asserts that every
/// counter holds the number of increments made to it.
/// </summary>
/// <param name="CellCount">How many counters there are, named "x", "y", ... in order.</param>
/// <param name="Tasks">Each task's steps, in order; lock sections are not nested. The tasks are named "T1", "T2", ...</param>
public sealed record CellProgram(int CellCount, IReadOnlyList<IReadOnlyList<CellStep>> Tasks)
{
    /// <summary>The name of the lock that guards some of the accesses.</summary>
    public const string LockName = "guard";

    /// <summary>The name of counter <paramref name="index"/>: "x", "y", ...</summary>
    /// <param name="index">The counter's index.</param>
    /// <returns>Its name.</returns>
    public static string CellName(int index) => ((char)('x' + index)).ToString();

    /// <summary>
    /// True when two tasks access one counter, at least one incrementing it, and not both inside the lock: a
    /// data race that some schedule shows (run each task up to its access; nothing orders the two).
    /// </summary>
    public bool HasUnguardedConflict => ConflictingAccesses().Any(pair =>
        (pair.First.Kind == CellStepKind.Increment || pair.Second.Kind == CellStepKind.Increment) && !(pair.First.Guarded && pair.Second.Guarded));

    /// <summary>
    /// True when two tasks increment one counter, not both inside the lock: some schedule reads the counter
    /// in both before either writes, and an increment is lost.
    /// </summary>
    public bool CanLoseUpdate => ConflictingAccesses().Any(pair =>
        pair.First.Kind == CellStepKind.Increment && pair.Second.Kind == CellStepKind.Increment && !(pair.First.Guarded && pair.Second.Guarded));

    /// <summary>Runs the program as a test: each task a <see cref="ControlledTask"/>, then the assertion on every counter.</summary>
    /// <returns>The test's task.</returns>
    public async Task RunAsync()
    {
        var guard = new AsyncLock(LockName);
        var cells = Enumerable.Range(0, CellCount).Select(c => new Shared<int>(0, CellName(c))).ToArray();
        var running = new Task[Tasks.Count];
        for (var task = 0; task < Tasks.Count; task++)
        {
            var steps = Tasks[task];
            running[task] = ControlledTask.Run(() => RunTaskAsync(steps, guard, cells), LockProgram.TaskName(task));
        }

        await Task.WhenAll(running);
        for (var cell = 0; cell < CellCount; cell++)
        {
            var increments = Tasks.Sum(steps => steps.Count(s => s == new CellStep(CellStepKind.Increment, cell)));
            var value = cells[cell].Read();
            Specification.Assert(value == increments, $"Lost update: '{CellName(cell)}' is {value} after {increments} increments.");
        }
    }

    /// <summary>Smaller programs: one access or yield left out, or one lock section unwrapped. FsCheck tries them when a property fails.</summary>
    /// <returns>The candidates.</returns>
    public IEnumerable<CellProgram> Shrink()
    {
        for (var task = 0; task < Tasks.Count; task++)
        {
            var steps = Tasks[task];
            for (var step = 0; step < steps.Count; step++)
            {
                if (steps[step].Kind != CellStepKind.Acquire && steps[step].Kind != CellStepKind.Release)
                {
                    yield return WithTask(task, [.. steps.Where((_, i) => i != step)]);
                }
                else if (steps[step].Kind == CellStepKind.Acquire)
                {
                    var release = steps.Select((s, i) => (s, i)).First(x => x.i > step && x.s.Kind == CellStepKind.Release).i;
                    yield return WithTask(task, [.. steps.Where((_, i) => i != step && i != release)]);
                }
            }
        }
    }

    /// <summary>The program as a listing, one task per line: "T1: lock inc x unlock read y".</summary>
    /// <returns>The listing.</returns>
    public override string ToString() =>
        $"{CellCount} counters; " + string.Join("; ", Tasks.Select((steps, t) => $"{LockProgram.TaskName(t)}: {string.Join(' ', steps)}"));

    private static async Task RunTaskAsync(IReadOnlyList<CellStep> steps, AsyncLock guard, Shared<int>[] cells)
    {
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case CellStepKind.Acquire:
                    await guard.AcquireAsync();
                    break;
                case CellStepKind.Release:
                    guard.Release();
                    break;
                case CellStepKind.Read:
                    cells[step.Cell].Read();
                    break;
                case CellStepKind.Increment:
                    var seen = cells[step.Cell].Read();
                    cells[step.Cell].Write(seen + 1);
                    break;
                default:
                    await ControlledTask.Yield();
                    break;
            }
        }
    }

    // Every pair of accesses to one counter by two different tasks, each with whether it is inside the lock.
    private IEnumerable<((CellStepKind Kind, bool Guarded) First, (CellStepKind Kind, bool Guarded) Second)> ConflictingAccesses()
    {
        var accesses = Tasks.Select(Accesses).ToList();
        for (var first = 0; first < accesses.Count; first++)
        {
            for (var second = first + 1; second < accesses.Count; second++)
            {
                foreach (var a in accesses[first])
                {
                    foreach (var b in accesses[second].Where(b => b.Cell == a.Cell))
                    {
                        yield return ((a.Kind, a.Guarded), (b.Kind, b.Guarded));
                    }
                }
            }
        }
    }

    private static List<(int Cell, CellStepKind Kind, bool Guarded)> Accesses(IReadOnlyList<CellStep> steps)
    {
        var accesses = new List<(int Cell, CellStepKind Kind, bool Guarded)>();
        var guarded = false;
        foreach (var step in steps)
        {
            guarded = step.Kind switch
            {
                CellStepKind.Acquire => true,
                CellStepKind.Release => false,
                _ => guarded,
            };
            if (step.Kind is CellStepKind.Read or CellStepKind.Increment)
            {
                accesses.Add((step.Cell, step.Kind, guarded));
            }
        }

        return accesses;
    }

    private CellProgram WithTask(int task, IReadOnlyList<CellStep> steps) =>
        this with { Tasks = [.. Tasks.Select((old, t) => t == task ? steps : old)] };
}
