using static Interleave.Tests.Analyzers.Verify;

namespace Interleave.Tests.Analyzers;

/// <summary>ILV0003 and ILV0004: threads, started and slept, which have no mechanical replacement.</summary>
public sealed class ThreadTests
{
    [Fact]
    public Task NewThread_Warns() => DiagnosticsAsync(InClass("""
            public void Start()
            {
                var thread = {|ILV0003:new Thread(() => Console.WriteLine())|};
                Thread other = {|ILV0003:new(() => Console.WriteLine())|};
                thread.Start();
                other.Start();
            }
        """));

    [Fact]
    public Task ThreadSleep_Warns() => DiagnosticsAsync(InClass("""
            public void Pause()
            {
                {|ILV0004:Thread.Sleep(10)|};
                {|ILV0004:Thread.Sleep(TimeSpan.FromSeconds(1))|};
            }
        """));

    [Fact]
    public Task ControlledTasks_AndReadingTheCurrentThread_DoNotWarn() => DiagnosticsAsync(InClass("""
            public async Task Pause()
            {
                await ControlledTask.Run(() => ControlledTask.Delay(TimeSpan.FromMilliseconds(10)));
                Console.WriteLine(Thread.CurrentThread.ManagedThreadId);
                Thread.SpinWait(1);
            }
        """));
}
