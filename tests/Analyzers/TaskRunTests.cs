using Interleave.Analyzers.CodeFixes;
using static Interleave.Tests.Analyzers.Verify;

namespace Interleave.Tests.Analyzers;

/// <summary>ILV0001: Task.Run and Task.Factory.StartNew, and the fix to ControlledTask.Run.</summary>
public sealed class TaskRunTests
{
    [Fact]
    public Task TaskRun_AsyncAndSyncBodies_Warn() => DiagnosticsAsync(InClass("""
            public Task Start() => {|ILV0001:Task.Run(async () => await ControlledTask.Yield())|};
            public Task StartSync() => {|ILV0001:Task.Run(() => Console.WriteLine())|};
            public Task<int> Compute() => {|ILV0001:Task.Run(() => 42)|};
        """));

    [Fact]
    public Task TaskFactoryStartNew_Warns() => DiagnosticsAsync(InClass("""
            public Task Start() => {|ILV0001:Task.Factory.StartNew(() => Console.WriteLine())|};
            public Task<int> Compute() => {|ILV0001:Task<int>.Factory.StartNew(() => 42)|};
        """));

    [Fact]
    public Task ControlledTaskRun_DoesNotWarn() => DiagnosticsAsync(InClass("""
            public Task Start() => ControlledTask.Run(async () => await ControlledTask.Yield(), "worker");
            public Task<int> Compute() => ControlledTask.Run(() => Task.FromResult(42));
        """));

    [Fact]
    public Task Fix_AsyncBody_BecomesControlledTaskRun() => FixAsync<ControlledTaskRunFix>(
        InClass("""
            public Task Start() => {|ILV0001:Task.Run(async () => await ControlledTask.Yield())|};
            public Task<int> Compute() => {|ILV0001:System.Threading.Tasks.Task.Run(() => Task.FromResult(42))|};
            public Task StartGroup() => {|ILV0001:Task.Run(Start)|};
            public Task<int> Typed() => {|ILV0001:Task.Run<int>(async () => { await Task.Yield(); return 1; })|};
        """),
        InClass("""
            public Task Start() => ControlledTask.Run(async () => await ControlledTask.Yield());
            public Task<int> Compute() => ControlledTask.Run(() => Task.FromResult(42));
            public Task StartGroup() => ControlledTask.Run(Start);
            public Task<int> Typed() => ControlledTask.Run<int>(async () => { await Task.Yield(); return 1; });
        """));

    [Fact]
    public Task Fix_WithoutTheUsing_AddsIt() => FixAsync<ControlledTaskRunFix>(
        """
        using System.Threading.Tasks;

        public static class Subject
        {
            public static Task Start() => {|ILV0001:Task.Run(async () => await Task.Yield())|};
        }

        """,
        """
        using System.Threading.Tasks;
        using Interleave.Primitives;

        public static class Subject
        {
            public static Task Start() => ControlledTask.Run(async () => await Task.Yield());
        }

        """);

    [Fact]
    public Task Fix_SyncBodyTokenOrStartNew_IsNotOffered()
    {
        var code = InClass("""
                public Task StartSync() => {|ILV0001:Task.Run(() => Console.WriteLine())|};
                public Task<int> Compute() => {|ILV0001:Task.Run(() => 42)|};
                public Task<Task> Nested() => {|ILV0001:Task.Run<Task>(() => Task.CompletedTask)|};
                public Task Cancellable(CancellationToken token) => {|ILV0001:Task.Run(async () => await Task.Yield(), token)|};
                public Task StartNew() => {|ILV0001:Task.Factory.StartNew(() => Console.WriteLine())|};
            """);
        return FixAsync<ControlledTaskRunFix>(code, code);
    }
}
