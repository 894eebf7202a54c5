using System.Runtime.CompilerServices;
using Interleave.Harness;
using Interleave.Primitives.Rewriting;
using Microsoft.Coyote.Specifications;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>
/// The field steps of code rewritten with <c>--observe-fields</c> (<see cref="FieldAccessShim"/>), and the
/// atomic operations that order them (<see cref="InterlockedShim"/>, <see cref="VolatileShim"/>), called here
/// as rewritten code calls them: a call before each access.
/// </summary>
public sealed class FieldAccessShimTests
{
    private static readonly ExplorationOptions Options = new() { Iterations = 200, Seed = 1 };

    [Fact]
    public void TwoTasksIncrementingAPlainField_IsADataRaceNamingTheFieldAndBothLines()
    {
        var report = Explorer.Run(async () =>
        {
            var board = new Board();
            await Task.WhenAll(TaskShim.Run(board.Increment), TaskShim.Run(board.Increment));
        }, Options);

        Assert.True(report.Verdict == Verdict.DataRace, report.Account);
        Assert.Matches(@"Data race on field 'Board#1.Count': T\d \S+ (writes|reads) it \(at FieldAccessShimTests\.cs:\d+\) while T\d \S+'s (write|read) \(at FieldAccessShimTests\.cs:\d+\)", report.Account);
        Assert.Matches(@"T1 \S+ +read field 'Board#1.Count' +-> done +FieldAccessShimTests\.cs:\d+", report.Account);
    }

    [Fact]
    public void AStaticField_IsNamedByItsClass()
    {
        var report = Explorer.Run(async () =>
        {
            await Task.WhenAll(TaskShim.Run(Board.IncrementTotal), TaskShim.Run(Board.IncrementTotal));
        }, Options);

        Assert.True(report.Verdict == Verdict.DataRace, report.Account);
        Assert.Contains("Data race on field 'Board.Total'", report.Account, StringComparison.Ordinal);
    }

    [Fact]
    public void APlainFlag_DoesNotPublish_AVolatileOne_Does()
    {
        Assert.Equal(Verdict.DataRace, Explorer.Run(() => PublishAsync(volatileFlag: false), Options).Verdict);

        var published = Explorer.Run(() => PublishAsync(volatileFlag: true), Options);
        Assert.True(published.Verdict == Verdict.NoBug, published.Account);
        Assert.Equal(200, published.IterationsRun);
    }

    [Fact]
    public void AFlagSetByInterlocked_Publishes_AndEachOperationIsAStep()
    {
        var report = Explorer.Run(async () =>
        {
            var board = new Board();
            var flag = 0;
            await Task.WhenAll(
                TaskShim.Run(() =>
                {
                    board.Write(1);
                    InterlockedShim.Exchange(ref flag, 1);
                }),
                TaskShim.Run(() =>
                {
                    if (InterlockedShim.CompareExchange(ref flag, 2, 1) == 1)
                    {
                        Specification.Assert(board.Read() == 1, "The value was not published.");
                    }
                }));
        }, Options);
        Assert.True(report.Verdict == Verdict.NoBug, report.Account);

        var steps = Explorer.Run(async () =>
        {
            var flag = 0;
            await TaskShim.Run(() => InterlockedShim.Increment(ref flag));
            Specification.Assert(VolatileShim.Read(ref flag) == 2, "Fails, to show the account.");
        }, Options).Account;
        Assert.Matches(@"T1 \S+ +call Interlocked.Increment +-> done +FieldAccessShimTests\.cs:\d+", steps);
        Assert.Matches(@"main +call Volatile.Read +-> done +FieldAccessShimTests\.cs:\d+", steps);
    }

    [Fact]
    public void OutsideATest_TheShimsAreThePlainOperations()
    {
        var flag = 0;
        FieldAccessShim.Write(null, "Board", "Total", string.Empty, 0);
        Assert.Equal(1, InterlockedShim.Increment(ref flag));
        Assert.Equal(3, InterlockedShim.Add(ref flag, 2));
        VolatileShim.Write(ref flag, 7);
        Assert.Equal(7, VolatileShim.Read(ref flag));
    }

    private static Task PublishAsync(bool volatileFlag)
    {
        var board = new Board();
        return Task.WhenAll(
            TaskShim.Run(() =>
            {
                board.Write(42);
                board.Raise(volatileFlag);
            }),
            TaskShim.Run(() =>
            {
                if (board.IsRaised(volatileFlag))
                {
                    Specification.Assert(board.Read() == 42, "The value was not published.");
                }
            }));
    }

    private static string SourceFile([CallerFilePath] string file = "") => file;

    private static int SourceLine([CallerLineNumber] int line = 0) => line;

    // A class whose fields are accessed as rewritten code accesses them: the shim's call, then the access.
    private sealed class Board
    {
        private static int _total;
        private int _count;
        private bool _raised;

        internal static void IncrementTotal()
        {
            FieldAccessShim.Read(null, nameof(Board), "Total", SourceFile(), SourceLine());
            var total = _total;
            FieldAccessShim.Write(null, nameof(Board), "Total", SourceFile(), SourceLine());
            _total = total + 1;
        }

        internal void Increment()
        {
            FieldAccessShim.Read(this, nameof(Board), "Count", SourceFile(), SourceLine());
            var count = _count;
            FieldAccessShim.Write(this, nameof(Board), "Count", SourceFile(), SourceLine());
            _count = count + 1;
        }

        internal void Write(int value)
        {
            FieldAccessShim.Write(this, nameof(Board), "Count", SourceFile(), SourceLine());
            _count = value;
        }

        internal int Read()
        {
            FieldAccessShim.Read(this, nameof(Board), "Count", SourceFile(), SourceLine());
            return _count;
        }

        internal void Raise(bool asVolatile)
        {
            if (asVolatile)
            {
                FieldAccessShim.WriteVolatile(this, nameof(Board), "Raised", SourceFile(), SourceLine());
                Volatile.Write(ref _raised, true);
            }
            else
            {
                FieldAccessShim.Write(this, nameof(Board), "Raised", SourceFile(), SourceLine());
                _raised = true;
            }
        }

        internal bool IsRaised(bool asVolatile)
        {
            if (asVolatile)
            {
                FieldAccessShim.ReadVolatile(this, nameof(Board), "Raised", SourceFile(), SourceLine());
                return Volatile.Read(ref _raised);
            }

            FieldAccessShim.Read(this, nameof(Board), "Raised", SourceFile(), SourceLine());
            return _raised;
        }
    }
}
