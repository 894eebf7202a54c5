using System.Text.RegularExpressions;
using Interleave.Cli;
using Interleave.Cli.Runs;
using Interleave.Harness;
using Interleave.Rewriting;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>
/// <c>interleave test --rewrite</c> on code written with .NET's own primitives (tests/DotNetSamples): a copy
/// rewritten by <c>coyote rewrite</c> (the repository's local tool) and then by Interleave's shim pass.
/// </summary>
public sealed class RewriteTests : CliTests
{
    // The bug each buggy sample shows, without and with --observe-fields: a plain field's race is seen only with it.
    private static readonly Dictionary<string, (Verdict Plain, Verdict FieldsObserved)> Bugs = new()
    {
        ["BoundedBufferTests.PulseWakesTheWrongWaiter"] = (Verdict.Deadlock, Verdict.Deadlock),
        ["AccountStoreTests.CheckThenAddOpensTwice"] = (Verdict.AssertionFailure, Verdict.AssertionFailure),
        ["ConnectionPoolTests.ReleaseBeforeReturn"] = (Verdict.UnhandledException, Verdict.UnhandledException),
        ["CounterTests.UnguardedIncrementLosesAHit"] = (Verdict.NoBug, Verdict.DataRace),
        ["CounterTests.CapturedCountLosesAHit"] = (Verdict.NoBug, Verdict.DataRace),
        ["HandshakeTests.SignalBeforePublish"] = (Verdict.AssertionFailure, Verdict.AssertionFailure),
        ["InterleaveLockTests.OppositeOrderDeadlocks"] = (Verdict.Deadlock, Verdict.Deadlock),
        ["LockOrderTests.OppositeOrderDeadlocks"] = (Verdict.Deadlock, Verdict.Deadlock),
        ["PublicationTests.PlainFlagPublishesTheReport"] = (Verdict.NoBug, Verdict.DataRace),
        ["PublicationTests.ReaderDoesNotAwaitTheWriter"] = (Verdict.NoBug, Verdict.DataRace),
        ["TallyTests.SharedSlotLosesACount"] = (Verdict.NoBug, Verdict.DataRace),
        ["WorkSignalTests.OneJobPerSignal"] = (Verdict.Deadlock, Verdict.Deadlock),
        ["StartGateTests.GateOpensBeforeLoading"] = (Verdict.AssertionFailure, Verdict.DataRace),
    };

    private static readonly string[] CorrectTwins =
    [
        "BoundedBufferTests.PulseAllWakesEveryWaiter",
        "AccountStoreTests.TryAddOpensOnce",
        "ConnectionPoolTests.ReturnBeforeRelease",
        "CounterTests.LockedIncrementCountsEveryHit",
        "CounterTests.InterlockedIncrementCountsEveryHit",
        "HandshakeTests.PublishBeforeSignal",
        "InterleaveLockTests.OneOrderNeverDeadlocks",
        "LockOrderTests.OneOrderNeverDeadlocks",
        "PublicationTests.VolatileFlagPublishesTheReport",
        "PublicationTests.ReaderAwaitsTheWriter",
        "PublicationTests.ReaderJoinsEachWriterBeforeReading",
        "TallyTests.OwnSlotKeepsEveryCount",
        "WorkSignalTests.DrainOnEverySignal",
        "StartGateTests.GateOpensAfterLoading",
    ];

    private string RewrittenCopy => Path.Combine(OutDir, "rewritten", "Interleave.DotNetSamples", "Interleave.DotNetSamples.dll");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rewrite_FindsEveryBugOfTheSamples_AndTheirCorrectTwinsPass1000Schedules(bool observeFields)
    {
        var json = Path.Combine(TempDir, "run.json");
        string[] fields = observeFields ? ["--observe-fields"] : [];
        string[] args = ["test", DotNetSamples.Dll, "--rewrite", .. fields, "-i", "1000", "--seed", "5", "-o", OutDir, "--json", json];
        var (exit, output, error) = observeFields ? RunInOwnProcess(args) : Run(args);

        Assert.True(exit == ExitCode.BugFound, output + error);
        Assert.StartsWith("Explored a copy of Interleave.DotNetSamples.dll, rewritten with coyote rewrite (local tool of ", output, StringComparison.Ordinal);
        Assert.Matches(observeFields ? @"\d+ calls and \d+ field accesses observed through Interleave's shims" : @"\d+ calls observed through Interleave's shims", output);
        var results = RunSummaryFile.Read(json).Tests.ToDictionary(t => t.Name);
        Assert.Equal(Bugs.Count + CorrectTwins.Length, results.Count);
        foreach (var (test, (plain, fieldsObserved)) in Bugs)
        {
            var verdict = observeFields ? fieldsObserved : plain;
            Assert.True(results[test].Verdict == verdict, $"{test}: {results[test].Verdict}, expected {verdict}");
            if (verdict != Verdict.NoBug)
            {
                AssertEveryStartedTaskHasAStep(File.ReadAllText(Path.Combine(OutDir, test + ".txt")), test);
            }
        }

        foreach (var test in CorrectTwins)
        {
            Assert.Equal((test, Verdict.NoBug, 1000), (test, results[test].Verdict, results[test].SchedulesRun));
        }

        Assert.Contains($"Replay: interleave replay {RewrittenCopy} ", output, StringComparison.Ordinal);
    }

    // Each task the account says was started ("start task T1 Writer") takes a step of its own in it, under that name.
    private static void AssertEveryStartedTaskHasAStep(string account, string test)
    {
        var started = Regex.Matches(account, @"start task (T\d+ \S+)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(started);
        foreach (var task in started)
        {
            Assert.True(Regex.IsMatch(account, $@"^\s*\d+\s+{Regex.Escape(task)}\s{{2,}}", RegexOptions.Multiline), $"{test}: no step of {task} in\n{account}");
        }
    }

    [Fact]
    public void Rewrite_ObservingFields_AnUnguardedIncrementIsADataRaceNamingTheFieldAndBothLines_AndReplays()
    {
        var (exit, output, error) = RunInOwnProcess("test", DotNetSamples.Dll, "--rewrite", "--observe-fields", "-m", "UnguardedIncrementLosesAHit", "-i", "100", "--seed", "5", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        var account = File.ReadAllText(Path.Combine(OutDir, "CounterTests.UnguardedIncrementLosesAHit.txt"));
        Assert.Matches(@"DataRace: Data race on field 'Counter#\d+\._count': T\d CountTwoHitsAsync (writes|reads) it \(at CounterTests\.cs:\d+\) while T\d CountTwoHitsAsync's (write|read) \(at CounterTests\.cs:\d+\)", account);
        Assert.Matches(@"T\d CountTwoHitsAsync +read field 'Counter#\d+\._count' +-> done +CounterTests\.cs:\d+", account);
        Assert.DoesNotContain("CountTwoHitsAsync#1.counter", account, StringComparison.Ordinal);

        var (replayExit, replayed, replayError) = RunInOwnProcess("replay", RewrittenCopy, Path.Combine(OutDir, "CounterTests.UnguardedIncrementLosesAHit.trace"));
        Assert.True(replayExit == ExitCode.BugFound, replayed + replayError);
        Assert.Contains("identical", replayed, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_ObservingFieldsOfAnAssemblyRewrittenWithoutThem_IsRefusedWithWhatToDo()
    {
        var (rewrote, _, rewriteError) = Run("test", DotNetSamples.Dll, "--rewrite", "-m", "UnguardedIncrementLosesAHit", "-i", "1", "-o", OutDir);
        Assert.True(rewrote == ExitCode.Ok, rewriteError);

        var (exit, output, error) = Run("test", RewrittenCopy, "--rewrite", "--observe-fields", "-i", "1", "-o", Path.Combine(TempDir, "again"));

        Assert.Equal(ExitCode.UsageError, exit);
        Assert.Contains("Interleave.DotNetSamples.dll was rewritten without --observe-fields, so its field accesses cannot be observed now: rebuild it, then rewrite it with --observe-fields.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);

        var (alone, _, aloneError) = Run("test", DotNetSamples.Dll, "--observe-fields", "-i", "1", "-o", OutDir);
        Assert.Equal(ExitCode.UsageError, alone);
        Assert.Contains("--observe-fields needs --rewrite: fields are observed by rewriting the assembly.", aloneError, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_ACycleOfInterleaveLocksInTaskRunTasks_IsADeadlockNamingBothTasksAndTheCycle()
    {
        var (exit, output, error) = Run("test", DotNetSamples.Dll, "--rewrite", "-m", "OppositeOrderDeadlocks", "-i", "100", "--seed", "5", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        var account = File.ReadAllText(Path.Combine(OutDir, "InterleaveLockTests.OppositeOrderDeadlocks.txt"));
        Assert.Contains("== InterleaveLockTests.OppositeOrderDeadlocks: Deadlock in schedule ", output, StringComparison.Ordinal);
        Assert.Matches(@"T1 OppositeOrderDeadlocks +acquire lock 'account-a' +-> acquired +InterleaveLockTests\.cs:\d+", account);
        Assert.Matches(@"T2 OppositeOrderDeadlocks +acquire lock 'account-b' +-> acquired", account);
        Assert.Contains("Cycle: T1 OppositeOrderDeadlocks -> T2 OppositeOrderDeadlocks -> T1 OppositeOrderDeadlocks", account, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot tell", account, StringComparison.Ordinal);
        Assert.Contains("""<div class="cycle" """, File.ReadAllText(Path.Combine(OutDir, "InterleaveLockTests.OppositeOrderDeadlocks.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_ACycleOfLockStatements_IsADeadlockNamingWhoHoldsWhat_AndReplays()
    {
        var (exit, output, error) = Run("test", DotNetSamples.Dll, "--rewrite", "-m", "LockOrderTests.OppositeOrderDeadlocks", "-i", "100", "--seed", "5", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        var account = File.ReadAllText(Path.Combine(OutDir, "LockOrderTests.OppositeOrderDeadlocks.txt"));
        Assert.Matches(@"T1 OppositeOrderDeadlocks holds lock 'Account#\d' \(at LockOrderTests\.cs:\d+\) and waits for lock 'Account#\d' \(at LockOrderTests\.cs:\d+\), held by T2 OppositeOrderDeadlocks\.", account);
        Assert.Matches(@"T2 OppositeOrderDeadlocks holds lock 'Account#\d' .* held by T1 OppositeOrderDeadlocks\.", account);
        Assert.Contains("Cycle: T1 OppositeOrderDeadlocks -> T2 OppositeOrderDeadlocks -> T1 OppositeOrderDeadlocks", account, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot tell", account, StringComparison.Ordinal);
        Assert.Contains("""<div class="cycle" """, File.ReadAllText(Path.Combine(OutDir, "LockOrderTests.OppositeOrderDeadlocks.html")), StringComparison.Ordinal);

        var (replayExit, replayed, replayError) = Run("replay", RewrittenCopy, Path.Combine(OutDir, "LockOrderTests.OppositeOrderDeadlocks.trace"));
        Assert.True(replayExit == ExitCode.BugFound, replayed + replayError);
        Assert.Contains("identical", replayed, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_AMonitorPulseThatWakesTheWrongWaiter_ShowsEveryTasksWaitsAndWhoIsLeftWaiting()
    {
        var (exit, output, error) = Run("test", DotNetSamples.Dll, "--rewrite", "-m", "PulseWakesTheWrongWaiter", "-i", "100", "--seed", "5", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        var account = File.ReadAllText(Path.Combine(OutDir, "BoundedBufferTests.PulseWakesTheWrongWaiter.txt"));
        foreach (var task in new[] { "T1", "T2", "T3" })
        {
            Assert.Matches($@"{task} RunAsync +acquire lock 'Object#1' +-> acquired +BoundedBufferTests\.cs:\d+", account);
            Assert.Matches($@"{task} RunAsync +wait on lock 'Object#1' +-> waits +BoundedBufferTests\.cs:\d+", account);
        }

        Assert.Matches(@"notify lock 'Object#1' +-> woke 1", account);
        Assert.Matches(@"T\d RunAsync waits for lock 'Object#1' \(at BoundedBufferTests\.cs:\d+\); no running task is left to pulse it\.", account);
    }

    [Fact]
    public void Rewrite_ATaskCompletionSourceSetTooEarly_ShowsTheSetOfOneTaskAndTheAwaitOfTheOther()
    {
        var (exit, output, error) = Run("test", DotNetSamples.Dll, "--rewrite", "-m", "SignalBeforePublish", "-i", "100", "--seed", "5", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        var account = File.ReadAllText(Path.Combine(OutDir, "HandshakeTests.SignalBeforePublish.txt"));
        Assert.Matches(@"T1 Start +set task completion source 'TaskCompletionSource#1' +-> set.* +HandshakeTests\.cs:\d+", account);
        Assert.Matches(@"T2 HandshakeAsync +wait on task completion source 'TaskCompletionSource#1' +-> (waits|done) +HandshakeTests\.cs:\d+", account);
    }

    [Fact]
    public void Rewrite_TwoSignalsOfAnAutoResetEventBeforeTheWorkerWaits_AreADeadlockShowingBothSetsAndTheWaitNobodyEnds()
    {
        var (exit, output, error) = Run("test", DotNetSamples.Dll, "--rewrite", "-m", "OneJobPerSignal", "-i", "100", "--seed", "5", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        var account = File.ReadAllText(Path.Combine(OutDir, "WorkSignalTests.OneJobPerSignal.txt"));
        Assert.Equal(2, Regex.Count(account, @"T2 DispatchAsync +set auto-reset event 'AutoResetEvent#1' +-> set +WorkSignalTests\.cs:38"));
        Assert.Matches(@"T1 DispatchAsync +wait on auto-reset event 'AutoResetEvent#1' +-> waits +WorkSignalTests\.cs:50", account);
        Assert.Contains("T1 DispatchAsync waits for auto-reset event 'AutoResetEvent#1' (at WorkSignalTests.cs:50); no running task is left to set it.", account, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_AManualResetEventSlimOpenedTooEarly_ShowsTheSetOfOneTaskAndThePassOfTheOther()
    {
        var (exit, output, error) = Run("test", DotNetSamples.Dll, "--rewrite", "-m", "GateOpensBeforeLoading", "-i", "100", "--seed", "5", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        var account = File.ReadAllText(Path.Combine(OutDir, "StartGateTests.GateOpensBeforeLoading.txt"));
        Assert.Matches(@"T1 Start +set manual-reset event 'ManualResetEventSlim#1' +-> set +StartGateTests\.cs:34", account);
        Assert.Matches(@"T\d Serve +wait on manual-reset event 'ManualResetEventSlim#1' +-> done +StartGateTests\.cs:46", account);
        Assert.Contains("AssertionFailure: A client read the settings before they were loaded.", account, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_ACheckThenAddOnAConcurrentDictionary_ShowsEachTasksLookAndUpdateWithTheirLines()
    {
        var (exit, output, error) = Run("test", DotNetSamples.Dll, "--rewrite", "-m", "CheckThenAddOpensTwice", "-i", "100", "--seed", "5", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        var account = File.ReadAllText(Path.Combine(OutDir, "AccountStoreTests.CheckThenAddOpensTwice.txt"));
        foreach (var task in new[] { "T1", "T2" })
        {
            Assert.Matches($@"{task} \S+ +look into concurrent dictionary 'ConcurrentDictionary#1' +-> not found +AccountStoreTests\.cs:\d+", account);
            Assert.Matches($@"{task} \S+ +update concurrent dictionary 'ConcurrentDictionary#1' +-> done \(1 entry\) +AccountStoreTests\.cs:\d+", account);
        }
    }

    [Fact]
    public void Rewrite_TaskRunTasks_AreNamedAfterTheMethodThatStartedThem()
    {
        var (exit, output, error) = Run("test", DotNetSamples.Dll, "--rewrite", "-m", "ReleaseBeforeReturn", "-i", "100", "--seed", "5", "-o", OutDir);

        Assert.True(exit == ExitCode.BugFound, output + error);
        var account = File.ReadAllText(Path.Combine(OutDir, "ConnectionPoolTests.ReleaseBeforeReturn.txt"));
        Assert.Contains("UnhandledException: Unhandled exception. System.InvalidOperationException: Stack empty.", account, StringComparison.Ordinal);
        foreach (var task in new[] { "T1", "T2", "T3" })
        {
            Assert.Matches($@"main +start task {task} RentFromThreeClientsAsync +-> done", account);
        }

        Assert.Matches(@"T\d RentFromThreeClientsAsync +finish +-> fails with an exception", account);

        // The cause, step by step: the permit is given back (and handed on) before the connection is.
        Assert.Matches(@"acquire semaphore 'SemaphoreSlim#1' +-> acquired +ConnectionPoolTests\.cs:\d+", account);
        Assert.Matches(@"release semaphore 'SemaphoreSlim#1' +-> released, hands over to T\d RentFromThreeClientsAsync +ConnectionPoolTests\.cs:\d+", account);
        Assert.Matches(@"acquire lock 'Stack#1' +-> acquired +ConnectionPoolTests\.cs:\d+", account);
    }

    [Fact]
    public void Rewrite_ACorrectPipelineOnChannels_IsUncontrolledNamingChannels_NeverADeadlock()
    {
        var json = Path.Combine(TempDir, "run.json");
        var (exit, output, error) = Run("test", DotNetSamples.ChannelsDll, "--rewrite", "-i", "100", "--seed", "5", "-o", OutDir, "--json", json);

        Assert.True(exit == ExitCode.UsageError, output + error);
        var result = Assert.Single(RunSummaryFile.Read(json).Tests);
        Assert.Equal(Verdict.Uncontrolled, result.Verdict);
        var account = File.ReadAllText(Path.Combine(OutDir, "PipelineTests.ConsumerSumsEveryReading.txt"));
        Assert.Contains("The schedule stalled in rewritten code that uses System.Threading.Channels, which coyote rewrite 1.7.11 does not control", account, StringComparison.Ordinal);
        Assert.Contains("use AsyncQueue<T>, asyncio's Queue, in its place", account, StringComparison.Ordinal);
        Assert.Contains("this is not a bug found", account, StringComparison.Ordinal);
        Assert.DoesNotContain("Deadlock", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_AnAssemblyRewrittenAlready_IsExploredAsItIs()
    {
        Assert.Equal(ExitCode.Ok, Run("test", DotNetSamples.Dll, "--rewrite", "-m", "OneOrderNeverDeadlocks", "-i", "1", "-o", OutDir).Exit);
        Assert.True(ShimPass.IsApplied(RewrittenCopy));

        var (exit, output, error) = Run("test", RewrittenCopy, "--rewrite", "-m", "OneOrderNeverDeadlocks", "-i", "10", "-o", Path.Combine(TempDir, "again"));

        Assert.True(exit == ExitCode.Ok, output + error);
        Assert.StartsWith("Interleave.DotNetSamples.dll is rewritten already: exploring it as it is.", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(TempDir, "again", "rewritten")));
    }

    [Fact]
    public void RewriteCommand_RewritesTheAssemblyInPlace_WhichThenExploresAsARewrittenOne()
    {
        var folder = Path.Combine(TempDir, "bin");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(DotNetSamples.Dll)!))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var copy = Path.Combine(folder, Path.GetFileName(DotNetSamples.Dll));
        var (exit, output, error) = Run("rewrite", copy);

        Assert.True(exit == ExitCode.Ok, output + error);
        Assert.StartsWith("Rewrote Interleave.DotNetSamples.dll in place, rewritten with coyote rewrite (local tool of ", output, StringComparison.Ordinal);
        Assert.True(ShimPass.IsApplied(copy));
        Assert.Equal("Interleave.DotNetSamples.dll is rewritten already: left as it is.", Run("rewrite", copy).Out.Trim());

        var (testExit, tested, testError) = Run("test", copy, "--rewrite", "-m", "LockOrderTests.OppositeOrderDeadlocks", "-i", "100", "--seed", "5", "-o", OutDir);
        Assert.True(testExit == ExitCode.BugFound, tested + testError);
        Assert.StartsWith("Interleave.DotNetSamples.dll is rewritten already: exploring it as it is.", tested, StringComparison.Ordinal);
        Assert.Contains("Cycle: T1 OppositeOrderDeadlocks -> T2 OppositeOrderDeadlocks -> T1 OppositeOrderDeadlocks", tested, StringComparison.Ordinal);
    }

    [Fact]
    public void RewriteCommand_OnAMissingAssembly_IsAUsageError() =>
        AssertUsageError(Run("rewrite", Path.Combine(TempDir, "missing.dll")), "Assembly not found: ");

    [Fact]
    public void Rewrite_WithoutAnAssembly_IsAUsageError() =>
        AssertUsageError(Run("test", "--rewrite"), "--rewrite needs an assembly.dll");

    [Fact]
    public void Rewrite_AFileThatIsNotAnAssembly_IsAUsageErrorNamingIt()
    {
        var notes = Path.Combine(TempDir, "notes.dll");
        File.WriteAllText(notes, "not an assembly");

        AssertUsageError(Run("test", notes, "--rewrite", "-o", OutDir), $"{notes} is not a .NET assembly");
    }
}
