using Interleave.Analyzers.CodeFixes;
using static Interleave.Tests.Analyzers.Verify;

namespace Interleave.Tests.Analyzers;

/// <summary>ILV0002: Task.Delay on the system clock, and the fix to ControlledTask.Delay.</summary>
public sealed class TaskDelayTests
{
    [Fact]
    public Task TaskDelay_OnTheSystemClock_Warns() => DiagnosticsAsync(InClass("""
            public async Task Wait(CancellationToken token)
            {
                await {|ILV0002:Task.Delay(10)|};
                await {|ILV0002:Task.Delay(TimeSpan.FromSeconds(1), token)|};
                await {|ILV0002:Task.Delay(Timeout.Infinite, token)|};
            }
        """));

    [Fact]
    public Task ControlledTaskDelay_AndTaskDelayOnAGivenTimeProvider_DoNotWarn() => DiagnosticsAsync(InClass("""
            // A clock passed in explicitly is the caller's choice: tests pass ControlledTask.TimeProvider.
            public async Task Wait(TimeProvider clock, CancellationToken token)
            {
                await ControlledTask.Delay(TimeSpan.FromSeconds(1), token);
                await Task.Delay(TimeSpan.FromSeconds(1), ControlledTask.TimeProvider);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, token);
            }
        """));

    [Fact]
    public Task Fix_TimeSpanAndMilliseconds_BecomeControlledTaskDelay() => FixAsync<ControlledTaskDelayFix>(
        InClass("""
            public async Task Wait(CancellationToken token)
            {
                await {|ILV0002:Task.Delay(TimeSpan.FromSeconds(1))|};
                await {|ILV0002:Task.Delay(TimeSpan.FromSeconds(1), token)|};
                await {|ILV0002:Task.Delay(250)|};
                await {|ILV0002:Task.Delay(250, token)|};
            }
        """),
        InClass("""
            public async Task Wait(CancellationToken token)
            {
                await ControlledTask.Delay(TimeSpan.FromSeconds(1));
                await ControlledTask.Delay(TimeSpan.FromSeconds(1), token);
                await ControlledTask.Delay(TimeSpan.FromMilliseconds(250));
                await ControlledTask.Delay(TimeSpan.FromMilliseconds(250), token);
            }
        """));

    [Fact]
    public Task Fix_NamedArguments_IsNotOffered()
    {
        var code = InClass("""
                public Task Wait(CancellationToken token) => {|ILV0002:Task.Delay(millisecondsDelay: 5, cancellationToken: token)|};
            """);
        return FixAsync<ControlledTaskDelayFix>(code, code);
    }
}
