using static Interleave.Tests.Analyzers.Verify;

namespace Interleave.Tests.Analyzers;

/// <summary>ILV0008: waits that block a thread on a task, which become an await in an async caller.</summary>
public sealed class BlockingWaitTests
{
    [Fact]
    public Task ResultWaitAndGetResult_Warn() => DiagnosticsAsync(InClass("""
            public int Block(Task task, Task<int> result, ValueTask<int> valueTask)
            {
                {|ILV0008:task.Wait()|};
                {|ILV0008:task.Wait(TimeSpan.FromSeconds(1))|};
                {|ILV0008:Task.WaitAll(task, result)|};
                {|ILV0008:Task.WaitAny(task, result)|};
                {|ILV0008:task.GetAwaiter().GetResult()|};
                {|ILV0008:task.ConfigureAwait(true).GetAwaiter().GetResult()|};
                return {|ILV0008:result.Result|} + {|ILV0008:valueTask.Result|} + {|ILV0008:result.GetAwaiter().GetResult()|};
            }
        """));

    [Fact]
    public Task Await_AndReadingWhetherATaskFinished_DoNotWarn() => DiagnosticsAsync(InClass("""
            public async Task<int> Await(Task task, Task<int> result)
            {
                await task;
                ControlledTask.Yield().GetAwaiter().GetResult();
                return task.IsCompleted ? await result : 0;
            }
        """));
}
