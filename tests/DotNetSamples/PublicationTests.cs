using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.DotNetSamples;

/// <summary>
/// A producer fills in a report and raises a flag; a consumer that sees the flag reads the report. Through a
/// plain flag nothing orders the report's write before its read (the compiler and the processor may move
/// them), which <c>--observe-fields</c> reports as a data race; a <c>volatile</c> flag orders them.
/// </summary>
public static class PublicationTests
{
    /// <summary>Buggy: a plain flag.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task PlainFlagPublishesTheReport()
    {
        var board = new PlainBoard();
        return Task.WhenAll(
            Task.Run(() =>
            {
                board.Report = "all green";
                board.Ready = true;
            }),
            Task.Run(() =>
            {
                if (board.Ready)
                {
                    Specification.Assert(board.Report == "all green", $"Read the report as '{board.Report}'.");
                }
            }));
    }

    /// <summary>Correct: a <c>volatile</c> flag, written after the report and read before it.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task VolatileFlagPublishesTheReport()
    {
        var board = new VolatileBoard();
        return Task.WhenAll(
            Task.Run(() => board.Publish("all green")),
            Task.Run(() =>
            {
                if (board.TryRead(out var report))
                {
                    Specification.Assert(report == "all green", $"Read the report as '{report}'.");
                }
            }));
    }

    /// <summary>Correct: the reader awaits the writer's task before it reads, so the write is ordered before the read.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task ReaderAwaitsTheWriter()
    {
        var board = new PlainBoard();
        var writer = Task.Run(() => board.Report = "all green");
        return Task.Run(async () =>
        {
            await writer;
            Specification.Assert(board.Report == "all green", $"Read the report as '{board.Report}'.");
        });
    }

    /// <summary>Correct: the reader joins each writer before it reads what that writer wrote: through <c>WhenAll</c>, <c>Wait</c> and <c>Result</c>.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task ReaderJoinsEachWriterBeforeReading()
    {
        var first = new PlainBoard();
        var second = new PlainBoard();
        var third = new PlainBoard();
        var writers = new[] { first, second, third }.Select(board => Task.Run(() =>
        {
            board.Report = "all green";
            return board.Report.Length;
        })).ToArray();
        return Task.Run(async () =>
        {
            await Task.WhenAll(writers[0]);
            Specification.Assert(first.Report == "all green", $"Read the first report as '{first.Report}'.");
            writers[1].Wait();
            Specification.Assert(second.Report == "all green", $"Read the second report as '{second.Report}'.");
            Specification.Assert(writers[2].Result == 9 && third.Report == "all green", $"Read the third report as '{third.Report}'.");
        });
    }

    /// <summary>Buggy: the reader reads while the writer may be writing; whichever it reads, nothing orders the two.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task ReaderDoesNotAwaitTheWriter()
    {
        var board = new PlainBoard();
        var writer = Task.Run(() => board.Report = "all green");
        var reader = Task.Run(() => Specification.Assert(board.Report is null or "all green", $"Read the report as '{board.Report}'."));
        return Task.WhenAll(writer, reader);
    }

    private sealed class PlainBoard
    {
        public string? Report { get; set; }

        public bool Ready { get; set; }
    }

    private sealed class VolatileBoard
    {
        private string? _report;
        private volatile bool _ready;

        public void Publish(string report)
        {
            _report = report;
            _ready = true;
        }

        public bool TryRead(out string? report)
        {
            report = _ready ? _report : null;
            return report is not null;
        }
    }
}
