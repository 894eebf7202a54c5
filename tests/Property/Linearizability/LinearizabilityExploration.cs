using Interleave.Harness;
using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Xunit;

namespace Interleave.Tests.Property.Linearizability;

/// <summary>
/// Explores the schedules of a generated program against a fresh object each schedule, records every
/// operation's call and return, and fails the schedule whose history is not linearizable against the model.
/// </summary>
internal static class LinearizabilityExploration
{
    /// <summary>
    /// The result of an operation whose timeout cancelled it. It took no effect, so the check leaves it out:
    /// the same as linearizing it as a no-op anywhere between its call and return, since a no-op orders
    /// nothing that real time did not already order.
    /// </summary>
    public const string Cancelled = "cancelled";

    /// <summary>The number the history gives the main task, which runs the program's finale.</summary>
    public const int MainTask = 0;

    /// <summary>The timeout of a waiting operation in programs with timeouts: virtual time, so the scheduler picks when it fires.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Schedules explored per engine and strategy for one program: 20 in CI, times <see cref="PropertyScale.Factor"/>.</summary>
    public static int SchedulesPerScheduler => 20 * PropertyScale.Factor;

    /// <summary>
    /// Schedules each engine and strategy gets to find a known bug: the racy queue's shows within 1-21 schedules
    /// of partial order sampling on 20 seeds of one program, so three times <see cref="SchedulesPerScheduler"/>.
    /// </summary>
    public static int SchedulesToFindABug => 3 * SchedulesPerScheduler;

    /// <summary>
    /// The engines and strategies every program is explored with: random, and prioritization (PCT) for deep
    /// preemptions, on both engines; and partial order sampling, the native engine's own.
    /// </summary>
    public static IReadOnlyList<(SchedulingEngine Engine, ExplorationStrategy Strategy)> Schedulers { get; } =
    [
        (SchedulingEngine.Coyote, ExplorationStrategy.Random),
        (SchedulingEngine.Coyote, ExplorationStrategy.Prioritization),
        (SchedulingEngine.Native, ExplorationStrategy.Random),
        (SchedulingEngine.Native, ExplorationStrategy.Prioritization),
        (SchedulingEngine.Native, ExplorationStrategy.PartialOrderSampling),
    ];

    /// <summary>
    /// Fails the calling test unless every explored schedule of <paramref name="program"/>, under every
    /// engine and strategy, ends without a bug, every history linearizable.
    /// </summary>
    /// <param name="program">The tasks and their operations.</param>
    /// <param name="createObject">Makes the object under test for one schedule and returns how to perform an operation on it.</param>
    /// <param name="specification">The sequential model.</param>
    public static void AssertEveryScheduleLinearizable<TState, TOperation>(
        ConcurrentProgram<TOperation> program,
        Func<Func<TOperation, Task<string>>> createObject,
        ISequentialSpecification<TState, TOperation, string> specification)
    {
        foreach (var scheduler in Schedulers)
        {
            var report = Explore(program, createObject, specification, scheduler);
            Assert.True(
                report.Verdict == Verdict.NoBug,
                $"{scheduler} on {program}, against {specification}:\n{report}\n{report.Account}");
        }
    }

    /// <summary>Explores <paramref name="program"/> with <paramref name="scheduler"/> until the first bug or the budget ends.</summary>
    /// <param name="program">The tasks and their operations.</param>
    /// <param name="createObject">Makes the object under test for one schedule and returns how to perform an operation on it.</param>
    /// <param name="specification">The sequential model.</param>
    /// <param name="scheduler">The engine and its strategy.</param>
    /// <param name="schedules">The most schedules; <see cref="SchedulesPerScheduler"/> when null.</param>
    /// <returns>The exploration's report.</returns>
    public static ExplorationReport Explore<TState, TOperation>(
        ConcurrentProgram<TOperation> program,
        Func<Func<TOperation, Task<string>>> createObject,
        ISequentialSpecification<TState, TOperation, string> specification,
        (SchedulingEngine Engine, ExplorationStrategy Strategy) scheduler,
        int? schedules = null) =>
        Explorer.Run(
            () => RunAndCheckAsync(program, createObject(), specification),
            new ExplorationOptions { Iterations = schedules ?? SchedulesPerScheduler, Engine = scheduler.Engine, Strategy = scheduler.Strategy, Seed = program.Seed });

    /// <summary>A cancellation source that cancels after <see cref="Timeout"/> of <see cref="ControlledTask.TimeProvider"/> time.</summary>
    public static CancellationTokenSource StartTimeout() => new(Timeout, ControlledTask.TimeProvider);

    private static async Task RunAndCheckAsync<TState, TOperation>(
        ConcurrentProgram<TOperation> program,
        Func<TOperation, Task<string>> perform,
        ISequentialSpecification<TState, TOperation, string> specification)
    {
        var history = new ConcurrentHistory<TOperation, string>();
        var tasks = new List<Task>();
        for (var index = 0; index < program.Tasks.Count; index++)
        {
            var number = index + 1;
            var operations = program.Tasks[index];
            tasks.Add(ControlledTask.Run(
                async () =>
                {
                    foreach (var operation in operations)
                    {
                        await history.RecordAsync(number, operation, () => perform(operation));
                    }
                },
                $"T{number}"));
        }

        await Task.WhenAll(tasks);
        foreach (var operation in program.Finale)
        {
            await history.RecordAsync(MainTask, operation, () => perform(operation));
        }

        var effective = history.Operations.Where(operation => operation.Result != Cancelled).ToList();
        var verdict = LinearizabilityChecker.Check(effective, specification);
        Specification.Assert(
            verdict.IsLinearizable,
            $"Not linearizable against the {specification}: no order of these operations fits real time and the model; "
            + $"the longest that does is [{string.Join(", ", verdict.Order.Select(i => effective[i].Operation))}]:\n{history}");
    }
}
