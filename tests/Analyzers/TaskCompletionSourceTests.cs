using static Interleave.Tests.Analyzers.Verify;

namespace Interleave.Tests.Analyzers;

/// <summary>ILV0006: TaskCompletionSource, whose replacement (an event or a queue) depends on its use.</summary>
public sealed class TaskCompletionSourceTests
{
    [Fact]
    public Task NewTaskCompletionSource_Warns() => DiagnosticsAsync(InClass("""
            private readonly TaskCompletionSource _done = {|ILV0006:new TaskCompletionSource()|};
            private readonly TaskCompletionSource<int> _result = {|ILV0006:new(TaskCreationOptions.RunContinuationsAsynchronously)|};
        """));

    [Fact]
    public Task AsyncEventAndAsyncQueue_DoNotWarn() => DiagnosticsAsync(InClass("""
            private readonly AsyncEvent _done = new("done");
            private readonly AsyncQueue<int> _result = new(maxSize: 1);

            public async Task Finish()
            {
                _done.Set();
                await _result.PutAsync(42);
                await _done.WaitAsync();
            }
        """));
}
