using Interleave.Harness;
using Xunit;

namespace Interleave.Tests.Property;

/// <summary>
/// Runs a model-based check of one generated operation sequence under the harness: the body drives the
/// primitive from the test's own task and asserts the model after every step; waiters are the primitive's
/// pending operations, resumed in the orders the scheduler explores, on each of <see cref="Engines"/>. A waiter
/// the model says must resume but never does ends the schedule as a deadlock, so every verdict but NoBug is a failure.
/// </summary>
internal static class ModelCheck
{
    /// <summary>Schedules explored per generated sequence, on each engine.</summary>
    internal static int Schedules { get; } = 8 * PropertyScale.Factor;

    /// <summary>
    /// The engines every sequence is explored on: both, unless a test narrows them (the mutant tests, to see
    /// each engine catch each mutant on its own). Process-wide, like the mutant switched on beside it.
    /// </summary>
    internal static IReadOnlyList<SchedulingEngine> Engines { get; set; } = Enum.GetValues<SchedulingEngine>();

    /// <summary>
    /// The first <paramref name="count"/> bytes as steps: byte n is the step <paramref name="toStep"/> gives for
    /// n mod <paramref name="kinds"/>, with n / <paramref name="kinds"/> as its pick (which waiter, or what an item
    /// brings). Bytes, unlike FsCheck's integers (mostly -2 to 2), are drawn evenly, so each step comes as often
    /// as its share of the kinds.
    /// </summary>
    internal static List<(TStep Step, int Pick)> Steps<TStep>(byte[]? operations, int count, int kinds, Func<int, TStep> toStep) =>
        [.. (operations ?? []).Take(count).Select(n => (toStep(n % kinds), n / kinds))];

    /// <summary>Explores <paramref name="body"/> on each engine and fails with the report and the sequence unless no bug was found.</summary>
    internal static void Holds(Func<Task> body, string sequence)
    {
        foreach (var engine in Engines)
        {
            var report = Explorer.Run(body, new ExplorationOptions { Iterations = Schedules, Seed = 3, Races = RaceChecking.Off, Engine = engine });
            Assert.True(report.Verdict == Verdict.NoBug, $"{engine} engine: {sequence}\n{report}\n{report.Account}");
        }
    }

    /// <summary>Awaits <paramref name="task"/>, which the model says fails with <typeparamref name="TException"/>.</summary>
    internal static async Task ThrowsAsync<TException>(Task task, string what)
        where TException : Exception
    {
        try
        {
            await task;
        }
        catch (TException)
        {
            return;
        }

        throw new ModelViolationException($"{what} completed, but the model says it throws {typeof(TException).Name}.");
    }

    /// <summary>
    /// Cancels the waiter at <paramref name="pick"/> (modulo their number, oldest first) before it is chosen: the
    /// model takes it out of <paramref name="waiters"/>, and its task must throw <see cref="OperationCanceledException"/>.
    /// </summary>
    internal static async Task CancelWaitingAsync<TWaiter>(List<TWaiter> waiters, int pick, Func<TWaiter, (Task Task, CancellationTokenSource Cancel)> parts)
    {
        var cancelled = waiters[pick % waiters.Count];
        waiters.Remove(cancelled);
        var (task, cancel) = parts(cancelled);
        cancel.Cancel();
        await ThrowsAsync<OperationCanceledException>(task, "the cancelled waiter");
    }

    /// <summary>Whether <paramref name="action"/> throws <typeparamref name="TException"/> (misuse refused at once).</summary>
    internal static bool Throws<TException>(Action action)
        where TException : Exception
    {
        try
        {
            action();
            return false;
        }
        catch (TException)
        {
            return true;
        }
    }

    /// <summary>Fails the schedule unless <paramref name="holds"/>.</summary>
    internal static void Expect(bool holds, string what)
    {
        if (!holds)
        {
            throw new ModelViolationException(what);
        }
    }
}
