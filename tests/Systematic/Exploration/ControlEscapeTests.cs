using Interleave.Harness;
using Interleave.Harness.Findings;
using Interleave.Primitives.Instrumentation;
using Interleave.Scenarios;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// A test that escapes Coyote's control (a real <c>Task.Run</c>, <c>Task.Delay</c>, timer, <c>SemaphoreSlim</c>,
/// a <c>TaskCompletionSource</c> completed outside, <c>ConfigureAwait(false)</c>, a blocking wait) is
/// <see cref="Verdict.Uncontrolled"/>, never a deadlock or a hang, and is told what escaped, where and what to use;
/// a real deadlock among the primitives stays <see cref="Verdict.Deadlock"/> with no such words; on both engines.
/// </summary>
/// <remarks>
/// What Coyote 1.7.11 says of each, measured under <see cref="Explorer"/>: awaiting uncontrolled work gives
/// "Deadlock detected. Op(0) is paused on a dependency, but no other controlled operations are enabled." within
/// a schedule or two (work that finishes before it is awaited may pass one schedule), the same words as a real
/// deadlock; a blocked thread gives "Potential deadlock or hang detected. The periodic deadlock detection monitor
/// was used ..." after about 2.5 s. None of them hangs. A short <c>Thread.Sleep</c> only slows the schedule.
/// </remarks>
public class ControlEscapeTests
{
    private static readonly ExplorationOptions Options = new() { Iterations = 20, Seed = 5 };

    public static TheoryData<string, SchedulingEngine> AwaitedEscapes => OnBothEngines(
        "Task.Run", "Task.Delay", "Timer", "SemaphoreSlim.WaitAsync", "TaskCompletionSource completed outside", "ConfigureAwait(false)");

    public static TheoryData<string, SchedulingEngine> BlockingEscapes => OnBothEngines(".Wait()", ".Result", "Monitor", "SemaphoreSlim.Wait");

    public static TheoryData<string, SchedulingEngine> CatalogScenarios => OnBothEngines([.. ScenarioCatalog.All.Select(s => s.Name)]);

    public static TheoryData<SchedulingEngine> Engines => new(Enum.GetValues<SchedulingEngine>());

    [Theory]
    [MemberData(nameof(AwaitedEscapes))]
    public void AwaitingUncontrolledWork_IsUncontrolled_NotADeadlock(string escape, SchedulingEngine engine)
    {
        var report = Explorer.Run(Awaited(escape), Options with { Engine = engine });

        var finding = Assert.IsType<UncontrolledFinding>(report.Finding);
        Assert.Equal(ControlEscape.AwaitedUncontrolledWork, finding.Escape);
        Assert.False(report.BugFound);
        Assert.StartsWith("The schedule stalled on work the scheduler does not control", report.Message, StringComparison.Ordinal);
        Assert.Contains(ControlDiagnosis.NoVerdict, report.Message, StringComparison.Ordinal);
        Assert.EndsWith(ControlDiagnosis.Remedy, report.Message, StringComparison.Ordinal);
        Assert.Contains(ControlDiagnosis.Remedy, report.Account, StringComparison.Ordinal);
        Assert.NotEmpty(finding.StrandedTasks);
    }

    [Theory]
    [MemberData(nameof(BlockingEscapes))]
    public void BlockingAThread_IsUncontrolled_NotAHang(string escape, SchedulingEngine engine)
    {
        var report = Explorer.Run(Blocking(escape), Options with { Engine = engine });

        var finding = Assert.IsType<UncontrolledFinding>(report.Finding);
        Assert.Equal(ControlEscape.BlockedThread, finding.Escape);
        Assert.False(report.BugFound);
        Assert.StartsWith("No task took a step for seconds", report.Message, StringComparison.Ordinal);
        Assert.EndsWith(ControlDiagnosis.Remedy, report.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void CorrectProgramOnTaskRunAndSemaphoreSlim_IsNeverABug(SchedulingEngine engine)
    {
        // The false report: a correct program, no Interleave types, not rewritten.
        var report = Explorer.Run(
            async () =>
            {
                using var gate = new SemaphoreSlim(1);
                var count = 0;
                await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        count++;
                    }
                    finally
                    {
                        gate.Release();
                    }
                })));
                Assert.Equal(3, count);
            },
            new ExplorationOptions { Iterations = 200, Seed = 5, Engine = engine });

        Assert.True(report.Verdict == Verdict.Uncontrolled, report.ToString());
        Assert.False(report.BugFound);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void ControlledTaskAwaitingARealDelay_IsNamedWithItsLastStep(SchedulingEngine engine)
    {
        // One task waits on an event the other sets only after a real delay: from the primitives alone it looks
        // like an event nobody sets, but the setter never finished and waited on no primitive.
        var report = Explorer.Run(
            async () =>
            {
                var ready = new AsyncEvent("ready");
                var gate = new AsyncLock("gate");
                await Task.WhenAll(
                    ControlledTask.Run(async () => await ready.WaitAsync(), "waiter"),
                    ControlledTask.Run(
                        async () =>
                        {
                            using (await gate.AcquireAsync())
                            {
                            }

                            await Task.Delay(20);
                            ready.Set();
                        },
                        "setter"));
            },
            Options with { Engine = engine });

        var finding = Assert.IsType<UncontrolledFinding>(report.Finding);
        var stranded = Assert.Single(finding.StrandedTasks);
        Assert.Equal("setter", stranded.Task.Name);
        Assert.Equal(PrimitiveOperation.Acquire, stranded.LastStep?.Event.Operation);
        Assert.True(report.Message.Contains($"setter (last seen at step {stranded.LastStep!.Number}, ControlEscapeTests.cs:", StringComparison.Ordinal), report.Message);
        Assert.DoesNotContain("Deadlock", report.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void DiagnosedEscape_ReplaysToTheSameAccount(SchedulingEngine engine)
    {
        var test = Awaited("Task.Delay");
        var report = Explorer.Run(test, Options with { Engine = engine });

        var replayed = Explorer.Replay(test, report.Trace);

        Assert.Equal(Verdict.Uncontrolled, replayed.Verdict);
        Assert.Equal(report.Message, replayed.Message);
        Assert.Equal(report.Account, replayed.Account);
    }

    [Fact]
    public void Verify_OfAnEscape_ThrowsUncontrolledNotBugFound()
    {
        var output = Path.Combine(Path.GetTempPath(), "interleave-escape-" + Guid.NewGuid().ToString("N"));
        try
        {
            var error = Assert.Throws<UncontrolledTestException>(() => Explorer.Verify(Awaited("Task.Run"), iterations: 20, seed: 5, outputDirectory: output));

            Assert.StartsWith("Uncontrolled in schedule 1 of 20", error.Message, StringComparison.Ordinal);
            Assert.Contains(ControlDiagnosis.Remedy, error.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(error.TracePath));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void EventNobodySets_StaysADeadlock_WithoutTheHint(SchedulingEngine engine)
    {
        // The test's own bug: it waits for an event nobody sets. Coyote's message is the same as for an escape.
        var report = Explorer.Run(async () => await new AsyncEvent("never-set").WaitAsync(), Options with { Engine = engine });

        Assert.IsType<DeadlockFinding>(report.Finding);
        Assert.DoesNotContain(ControlDiagnosis.Remedy, report.Message, StringComparison.Ordinal);
        Assert.Contains("main waits for event 'never-set'", report.Account, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void DeadlockOfTasksAParentAwaits_StaysADeadlock(SchedulingEngine engine)
    {
        // The parent waits on no primitive, but on the two tasks it started, which deadlock on two locks.
        var report = Explorer.Run(
            async () => await ControlledTask.Run(
                async () =>
                {
                    var a = new AsyncLock("a");
                    var b = new AsyncLock("b");
                    var order = new AsyncBarrier(2, "both-hold-one");
                    await Task.WhenAll(
                        ControlledTask.Run(async () => await HoldThenTakeAsync(a, b, order)),
                        ControlledTask.Run(async () => await HoldThenTakeAsync(b, a, order)));
                },
                "parent"),
            Options with { Engine = engine });

        var deadlock = Assert.IsType<DeadlockFinding>(report.Finding);
        Assert.NotEmpty(deadlock.Cycle);
        Assert.DoesNotContain(ControlDiagnosis.Remedy, report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RewrittenAssemblyDeadlock_StaysADeadlock()
    {
        // In code rewritten by `coyote rewrite`, Coyote controls Task.Run and SemaphoreSlim: a stall with a task
        // that waits on no Interleave primitive is a deadlock all the same.
        const string coyote = "Deadlock detected. Op(1) and Op(2) are paused on a dependency, but no other controlled operations are enabled.";
        var main = new PrimitiveEvent(PrimitiveKind.ControlledTask, "task", PrimitiveOperation.Yield, OperationOutcome.Completed, TaskIdentity.Root, -1, default, "T.cs", 3);

        var rewritten = CoyoteMessages.Interpret(coyote, [main], rewritten: true, reword: m => m);
        var plain = CoyoteMessages.Interpret(coyote, [main], rewritten: false, reword: m => m);

        Assert.IsType<DeadlockFinding>(rewritten);
        Assert.Equal(coyote, rewritten.Message);
        Assert.IsType<UncontrolledFinding>(plain);
    }

    [Fact]
    public void RewrittenAssemblyOnChannels_StalledWithATaskWaitingOnNoPrimitive_IsUncontrolledNamingChannels()
    {
        // Coyote 1.7.11 does not rewrite System.Threading.Channels: a correct producer and consumer on a channel
        // stall as "Deadlock detected" in schedule 1, which would be a false report.
        const string coyote = "Deadlock detected. Op(0) is paused on a dependency, but no other controlled operations are enabled.";
        var main = new PrimitiveEvent(PrimitiveKind.ControlledTask, "task", PrimitiveOperation.Yield, OperationOutcome.Completed, TaskIdentity.Root, -1, default, "T.cs", 3);

        var onChannels = Assert.IsType<UncontrolledFinding>(CoyoteMessages.Interpret(coyote, [main], rewritten: true, reword: m => m, usesUncontrolledLibrary: true));
        Assert.Equal(ControlEscape.UncontrolledLibrary, onChannels.Escape);
        Assert.Contains("uses System.Threading.Channels, which coyote rewrite 1.7.11 does not control", onChannels.Message, StringComparison.Ordinal);
        Assert.Contains(ControlDiagnosis.NoVerdict, onChannels.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("rewrite the assembly with `coyote rewrite`", onChannels.Message, StringComparison.Ordinal);

        // Where every unfinished task waits on a primitive, the stall is the program's own: a deadlock.
        var wait = new PrimitiveEvent(PrimitiveKind.Monitor, "Object#1", PrimitiveOperation.Wait, OperationOutcome.Blocked, TaskIdentity.Root, -1, default, "T.cs", 4);
        Assert.IsType<DeadlockFinding>(CoyoteMessages.Interpret(coyote, [main, wait], rewritten: true, reword: m => m, usesUncontrolledLibrary: true));
    }

    [Fact]
    public void RewrittenAssemblyBlockingAThread_IsUncontrolledNamingTheWaitsNothingControls_NotTheRewriteItHadAlready()
    {
        // Measured: a BlockingCollection or CountdownEvent hand-off between Task.Run tasks, rewritten, stalls so.
        const string coyote = "Potential deadlock or hang detected. The periodic monitor found no progress.";

        var rewritten = Assert.IsType<UncontrolledFinding>(CoyoteMessages.Interpret(coyote, [], rewritten: true, reword: m => m));
        var plain = Assert.IsType<UncontrolledFinding>(CoyoteMessages.Interpret(coyote, [], rewritten: false, reword: m => m));

        Assert.Equal((ControlEscape.UncontrolledBlockingWait, ControlEscape.BlockedThread), (rewritten.Escape, plain.Escape));
        Assert.StartsWith("No task took a step for seconds in rewritten code: a task blocked its thread on a wait that neither coyote rewrite nor Interleave's shims control (BlockingCollection, CountdownEvent", rewritten.Message, StringComparison.Ordinal);
        Assert.Contains(ControlDiagnosis.NoVerdict, rewritten.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ControlDiagnosis.Remedy, rewritten.Message, StringComparison.Ordinal);
        Assert.EndsWith(ControlDiagnosis.Remedy, plain.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CatalogScenarios))]
    public void Scenario_IsNeverUncontrolled(string name, SchedulingEngine engine)
    {
        var scenario = ScenarioCatalog.All.Single(s => s.Name == name);

        var report = Explorer.Run(scenario.Test, new ExplorationOptions { Iterations = 300, Seed = 17, Engine = engine });

        Assert.NotEqual(Verdict.Uncontrolled, report.Verdict);
        Assert.DoesNotContain(ControlDiagnosis.Remedy, report.Message, StringComparison.Ordinal);
        Assert.True(report.BugFound == scenario.IsBuggy, report.ToString());
    }

    private static TheoryData<string, SchedulingEngine> OnBothEngines(params string[] cases)
    {
        var data = new TheoryData<string, SchedulingEngine>();
        foreach (var engine in Enum.GetValues<SchedulingEngine>())
        {
            foreach (var name in cases)
            {
                data.Add(name, engine);
            }
        }

        return data;
    }

    private static async Task HoldThenTakeAsync(AsyncLock first, AsyncLock second, AsyncBarrier bothHoldOne)
    {
        using (await first.AcquireAsync())
        {
            await bothHoldOne.WaitAsync();
            using (await second.AcquireAsync())
            {
            }
        }
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
        "SemaphoreSlim.WaitAsync" => async () =>
        {
            using var semaphore = new SemaphoreSlim(0);
            await Task.WhenAll(
                ControlledTask.Run(async () =>
                {
                    await ControlledTask.Yield();
                    _ = Task.Run(() =>
                    {
                        Thread.Sleep(20);
                        semaphore.Release();
                    });
                }),
                ControlledTask.Run(async () => await semaphore.WaitAsync()));
        },
        "TaskCompletionSource completed outside" => async () =>
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                Thread.Sleep(20);
                done.SetResult();
            });
            thread.Start();
            await ControlledTask.Run(async () => await done.Task);
        },
        "ConfigureAwait(false)" => async () => await ControlledTask.Run(async () =>
        {
            await Task.Delay(20).ConfigureAwait(false);
            await ControlledTask.Yield();
        }),
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
