using Interleave.Harness;
using Interleave.Harness.Findings;
using Interleave.Scenarios;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// A test that escapes Coyote's control (a real <c>Task.Run</c>, <c>Task.Delay</c> or timer, a blocking wait)
/// gets a report that names the likely cause; a program built on the primitives, correct or buggy, never does.
/// </summary>
/// <remarks>
/// What Coyote 1.7.11 says without the diagnosis, measured under <see cref="Explorer"/>: awaiting uncontrolled
/// work gives "Deadlock detected. Op(0) is paused on a dependency, but no other controlled operations are
/// enabled." within a schedule or two (a Task.Run that finishes before it is awaited may pass one schedule);
/// a blocked thread gives "Potential deadlock or hang detected. The periodic deadlock detection monitor was
/// used ..." after about 2.5 s, classified as an assertion failure. None of them hangs. A short
/// <c>Thread.Sleep</c> is invisible: it only slows the schedule, and the test passes.
/// </remarks>
public class ControlEscapeTests
{
    private static readonly ExplorationOptions Options = new() { Iterations = 20, Seed = 5 };

    public static TheoryData<string> AwaitedEscapes => ["Task.Run", "Task.Delay", "Timer"];

    public static TheoryData<string> BlockingEscapes => [".Wait()", ".Result", "Monitor", "SemaphoreSlim.Wait"];

    public static TheoryData<string> CatalogScenarios => [.. ScenarioCatalog.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(AwaitedEscapes))]
    public void AwaitingUncontrolledWork_IsDiagnosed(string escape)
    {
        var report = Explorer.Run(Awaited(escape), Options);

        Assert.True(report.Verdict == Verdict.Deadlock, report.ToString());
        Assert.StartsWith("Deadlock detected. Op(0) is paused on a dependency", report.Message, StringComparison.Ordinal);
        Assert.EndsWith(ControlDiagnosis.AwaitedUncontrolledWork, report.Message, StringComparison.Ordinal);
        Assert.Contains(ControlDiagnosis.AwaitedUncontrolledWork, report.Account, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BlockingEscapes))]
    public void BlockingAThread_IsDiagnosed(string escape)
    {
        var report = Explorer.Run(Blocking(escape), Options);

        Assert.True(report.Verdict == Verdict.Hang, report.ToString());
        Assert.StartsWith("Potential deadlock or hang detected.", report.Message, StringComparison.Ordinal);
        Assert.EndsWith(ControlDiagnosis.BlockedThread, report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DiagnosedEscape_ReplaysToTheSameAccount()
    {
        var test = Awaited("Task.Delay");
        var report = Explorer.Run(test, Options);

        var replayed = Explorer.Replay(test, report.Trace);

        Assert.Equal(report.Message, replayed.Message);
        Assert.Equal(report.Account, replayed.Account);
    }

    [Fact]
    public void DeadlockOnAPrimitive_IsNotBlamedOnEscapes()
    {
        // The test's own bug: it waits for an event nobody sets. Coyote's message looks much the same.
        var report = Explorer.Run(async () => await new AsyncEvent("never-set").WaitAsync(), Options);

        Assert.True(report.Verdict == Verdict.Deadlock, report.ToString());
        Assert.DoesNotContain("Likely cause", report.Message, StringComparison.Ordinal);
        Assert.Contains("main waits for event 'never-set'", report.Account, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CatalogScenarios))]
    public void Scenario_NeverGetsTheDiagnosis(string name)
    {
        var scenario = ScenarioCatalog.All.Single(s => s.Name == name);

        var report = Explorer.Run(scenario.Test, new ExplorationOptions { Iterations = 300, Seed = 17 });

        Assert.DoesNotContain("Likely cause", report.Message, StringComparison.Ordinal);
        Assert.True(report.BugFound == scenario.IsBuggy, report.ToString());
    }

    private static Func<Task> Awaited(string escape) => escape switch
    {
        "Task.Run" => async () => await Task.Run(() => Thread.Sleep(20)),
        "Task.Delay" => async () => await Task.Delay(20),
        "Timer" => async () =>
        {
            var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var timer = new Timer(_ => fired.TrySetResult(), null, 20, Timeout.Infinite);
            await fired.Task;
        },
        _ => throw new ArgumentOutOfRangeException(nameof(escape), escape, "Not an escape this test knows."),
    };

    private static Func<Task> Blocking(string escape) => escape switch
    {
        ".Wait()" => () =>
        {
            ControlledTask.Run(async () => await ControlledTask.Yield()).Wait();
            return Task.CompletedTask;
        },
        ".Result" => () => Task.FromResult(ControlledTask.Run(async () =>
        {
            await ControlledTask.Yield();
            return 1;
        }).Result),
        "Monitor" => async () =>
        {
            var gate = new object();
            var held = new AsyncEvent("held");
            await Task.WhenAll(
                ControlledTask.Run(async () =>
                {
                    Monitor.Enter(gate);
                    held.Set();
                    await ControlledTask.Yield();
                    Monitor.Exit(gate);
                }),
                ControlledTask.Run(async () =>
                {
                    await held.WaitAsync();
                    lock (gate)
                    {
                    }
                }));
        },
        "SemaphoreSlim.Wait" => async () =>
        {
            using var semaphore = new SemaphoreSlim(0);
            await Task.WhenAll(
                ControlledTask.Run(async () =>
                {
                    await ControlledTask.Yield();
                    semaphore.Release();
                }),
                ControlledTask.Run(() =>
                {
                    semaphore.Wait();
                    return Task.CompletedTask;
                }));
        },
        _ => throw new ArgumentOutOfRangeException(nameof(escape), escape, "Not an escape this test knows."),
    };
}
