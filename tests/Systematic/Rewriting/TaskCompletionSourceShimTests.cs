using Interleave.Harness;
using Interleave.Primitives.Rewriting;
using Microsoft.Coyote.Specifications;
using CoyoteTasks = Microsoft.Coyote.Rewriting.Types.Threading.Tasks;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>
/// <see cref="TaskCompletionSource"/> in rewritten code (<see cref="TaskCompletionSourceShim"/>) and the awaits
/// of its task (<see cref="TaskAwaiterShim"/>), called here as rewritten code calls them: each set and each
/// await is a step of the account, and a task awaiting a source nobody sets is in the wait-for graph.
/// </summary>
public sealed class TaskCompletionSourceShimTests
{
    private static readonly ExplorationOptions Options = new() { Iterations = 200, Seed = 1 };

    [Fact]
    public void AnAwaitOfASourceNobodySets_IsADeadlockNamingTheWaiter_AndOnceSetItPasses()
    {
        static Func<Task> Test(bool set) => async () =>
        {
            var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            var client = TaskShim.Run(async () => Specification.Assert(await AwaitAsync(TaskCompletionSourceShim<int>.get_Task(source)) == 8080, "the port"));
            if (set)
            {
                await TaskShim.Run(() => TaskCompletionSourceShim<int>.SetResult(source, 8080));
            }

            await client;
        };

        Assert.Equal(Verdict.NoBug, Explorer.Run(Test(set: true), Options).Verdict);
        var report = Explorer.Run(Test(set: false), Options);
        Assert.True(report.Verdict == Verdict.Deadlock, report.Account);
        Assert.Matches(@"T1 AnAwaitOfASourceNobodySets_IsADeadlockNamingTheWaiter_AndOnceSetItPasses +wait on task completion source 'TaskCompletionSource#1' +-> waits", report.Account);
        Assert.Contains("waits for task completion source 'TaskCompletionSource#1'", report.Account, StringComparison.Ordinal);
        Assert.Contains("no running task is left to set it", report.Account, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySetIsAStep_ASecondIsRefused_AndAnAwaitOfACompletedTaskIsOneStep()
    {
        var report = Explorer.Run(() =>
        {
            var source = new TaskCompletionSource();
            var task = TaskCompletionSourceShim.get_Task(source);
            var waiter = TaskShim.Run(() => TakeResult(task));
            TaskCompletionSourceShim.SetResult(source);
            Specification.Assert(!TaskCompletionSourceShim.TrySetCanceled(source), "a second completion fails");
            Specification.Assert(Misuse.Throws<InvalidOperationException>(() => TaskCompletionSourceShim.SetException(source, new TimeoutException())), "and a second set throws");
            TakeResult(task);
            Specification.Assert(false, "Every step shown.");
            return waiter;
        }, Options with { Iterations = 1 });

        Assert.True(report.Verdict == Verdict.AssertionFailure, report.Account);
        Assert.Matches(@"main +set task completion source 'TaskCompletionSource#1' +-> set", report.Account);
        Assert.Equal(2, report.Account.Split("-> refused (completed already)").Length - 1);
        Assert.Matches(@"main +wait on task completion source 'TaskCompletionSource#1' +-> done", report.Account);
        Assert.Matches(@"T1 EverySetIsAStep_ASecondIsRefused_AndAnAwaitOfACompletedTaskIsOneStep +wait on task completion source 'TaskCompletionSource#1' +-> (waits|done)", report.Account);
    }

    [Fact]
    public void OutsideATest_TheShimsAreDotNetsSource()
    {
        var source = new TaskCompletionSource<string>();
        var task = TaskCompletionSourceShim<string>.get_Task(source);

        Assert.True(TaskCompletionSourceShim<string>.TrySetResult(source, "done"));
        Assert.False(TaskCompletionSourceShim<string>.TrySetResult(source, "again"));
        var awaiter = CoyoteTasks.Task<string>.GetAwaiter(task);
        Assert.True(TaskAwaiterShim<string>.get_IsCompleted(ref awaiter));
        Assert.Equal("done", TaskAwaiterShim<string>.GetResult(ref awaiter));
    }

    // An await as rewritten code makes it: ask the awaiter whether the task is done, suspend if not, take the result.
    private static async Task<T> AwaitAsync<T>(Task<T> task)
    {
        var awaiter = CoyoteTasks.Task<T>.GetAwaiter(task);
        if (!TaskAwaiterShim<T>.get_IsCompleted(ref awaiter))
        {
            await task;
        }

        return TaskAwaiterShim<T>.GetResult(ref awaiter);
    }

    // A blocking wait for the result, as task.GetAwaiter().GetResult() is rewritten.
    private static void TakeResult(Task task)
    {
        var awaiter = CoyoteTasks.Task.GetAwaiter(task);
        TaskAwaiterShim.GetResult(ref awaiter);
    }
}
