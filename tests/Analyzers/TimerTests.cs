using static Interleave.Tests.Analyzers.Verify;

namespace Interleave.Tests.Analyzers;

/// <summary>ILV0009: System.Threading.Timer, whose replacement (an ITimer) is another type.</summary>
public sealed class TimerTests
{
    [Fact]
    public Task NewThreadingTimer_Warns() => DiagnosticsAsync(InClass("""
            public IDisposable Start() => {|ILV0009:new Timer(_ => Console.WriteLine(), null, 0, 100)|};
        """));

    [Fact]
    public Task TimerOfControlledTaskTimeProvider_DoesNotWarn() => DiagnosticsAsync(InClass("""
            public ITimer Start() => ControlledTask.TimeProvider.CreateTimer(_ => Console.WriteLine(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        """));
}
