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
    /// <summary>Schedules explored per strategy for one program: 20 in CI, times <see cref="PropertyScale.Factor"/>.</summary>
    public static int SchedulesPerStrategy => 20 * PropertyScale.Factor;

    /// <summary>The strategies every program is explored with: random, and prioritization (PCT) for deep preemptions.</summary>
    public static IReadOnlyList<ExplorationStrategy> Strategies { get; } = [ExplorationStrategy.Random, ExplorationStrategy.Prioritization];

    /// <summary>
    /// Fails the calling test unless every explored schedule of <paramref name="program"/>, under every
    /// strategy, ends without a bug, every history linearizable.
    /// </summary>
    /// <param name="program">The tasks and their operations.</param>
    /// <param name="createObject">Makes the object under test for one schedule and returns how to perform an operation on it.</param>
    /// <param name="specification">The sequential model.</param>
    public static void AssertEveryScheduleLinearizable<TState, TOperation>(
        ConcurrentProgram<TOperation> program,
        Func<Func<TOperation, Task<string>>> createObject,
        ISequentialSpecification<TState, TOperation, string> specification)
    {
        foreach (var strategy in Strategies)
        {
            var report = Explore(program, createObject, specification, strategy);
            Assert.True(
                report.Verdict == Verdict.NoBug,
                $"{strategy} on {program}, against {specification}:\n{report}\n{report.Account}");
        }
    }

    /// <summary>Explores <paramref name="program"/> with <paramref name="strategy"/> until the first bug or the budget ends.</summary>
    /// <param name="program">The tasks and their operations.</param>
    /// <param name="createObject">Makes the object under test for one schedule and returns how to perform an operation on it.</param>
    /// <param name="specification">The sequential model.</param>
    /// <param name="strategy">The scheduling strategy.</param>
    /// <returns>The exploration's report.</returns>
    public static ExplorationReport Explore<TState, TOperation>(
        ConcurrentProgram<TOperation> program,
        Func<Func<TOperation, Task<string>>> createObject,
        ISequentialSpecification<TState, TOperation, string> specification,
        ExplorationStrategy strategy) =>
        Explorer.Run(
            () => RunAndCheckAsync(program, createObject(), specification),
            new ExplorationOptions { Iterations = SchedulesPerStrategy, Strategy = strategy, Seed = program.Seed });

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
        var verdict = LinearizabilityChecker.Check(history.Operations, specification);
        Specification.Assert(
            verdict.IsLinearizable,
            $"Not linearizable against the {specification}: no order of these operations fits real time and the model; "
            + $"the longest that does is [{string.Join(", ", verdict.Order.Select(i => history.Operations[i].Operation))}]:\n{history}");
    }
}
