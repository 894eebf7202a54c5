using Interleave.Analyzers.CodeFixes;
using static Interleave.Tests.Analyzers.Verify;

namespace Interleave.Tests.Analyzers;

/// <summary>ILV0007: ConfigureAwait(false), and the fix that awaits without it.</summary>
public sealed class ConfigureAwaitTests
{
    [Fact]
    public Task ConfigureAwaitFalse_OnTasksValueTasksAndStreams_Warns() => DiagnosticsAsync(InClass("""
            public async Task Work(Task task, Task<int> result, ValueTask valueTask, System.Collections.Generic.IAsyncEnumerable<int> stream, IAsyncDisposable resource)
            {
                await using var used = {|ILV0007:resource.ConfigureAwait(false)|};
                await {|ILV0007:task.ConfigureAwait(false)|};
                await {|ILV0007:result.ConfigureAwait(continueOnCapturedContext: false)|};
                await {|ILV0007:valueTask.ConfigureAwait(false)|};
                await {|ILV0007:task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing)|};
                await foreach (var item in {|ILV0007:stream.ConfigureAwait(false)|})
                {
                    Console.WriteLine(item);
                }
            }
        """));

    [Fact]
    public Task ConfigureAwaitTrue_OrAValueKnownAtRunTime_DoesNotWarn() => DiagnosticsAsync(InClass("""
            public async Task Work(Task task, bool onContext)
            {
                await task;
                await task.ConfigureAwait(true);
                await task.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
                await task.ConfigureAwait(onContext);
            }
        """));

    [Fact]
    public Task Fix_AwaitedConfigureAwaitFalse_AwaitsTheTask() => FixAsync<ConfigureAwaitFix>(
        InClass("""
            public async Task<int> Work(Task task, Task<int> result, System.Collections.Generic.IAsyncEnumerable<int> stream)
            {
                await {|ILV0007:task.ConfigureAwait(false)|};
                await foreach (var item in {|ILV0007:stream.ConfigureAwait(false)|})
                {
                    Console.WriteLine(item);
                }

                return await {|ILV0007:result.ConfigureAwait(false)|} + 1;
            }
        """),
        InClass("""
            public async Task<int> Work(Task task, Task<int> result, System.Collections.Generic.IAsyncEnumerable<int> stream)
            {
                await task;
                await foreach (var item in stream)
                {
                    Console.WriteLine(item);
                }

                return await result + 1;
            }
        """));

    [Fact]
    public Task Fix_ConfiguredAwaitableKept_IsNotOffered()
    {
        var code = InClass("""
                public async Task Work(Task task)
                {
                    var configured = {|ILV0007:task.ConfigureAwait(false)|};
                    await configured;
                }
            """);
        return FixAsync<ConfigureAwaitFix>(code, code);
    }
}
