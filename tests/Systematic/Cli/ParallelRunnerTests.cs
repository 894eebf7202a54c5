using Interleave.Cli.Runs;

namespace Interleave.Tests.Systematic.Cli;

/// <summary><see cref="ParallelRunner"/>: results in the items' order, and a failure that ends the run.</summary>
public sealed class ParallelRunnerTests
{
    [Fact]
    public void Run_OnSeveralThreads_HandsResultsOnInTheItemsOrder()
    {
        var items = Enumerable.Range(0, 40).ToList();
        var handed = new List<string>();

        var results = ParallelRunner.Run(items, 3, i => { Thread.Sleep(i % 4); return i.ToString(System.Globalization.CultureInfo.InvariantCulture); }, handed.Add);

        Assert.Equal(items.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), results);
        Assert.Equal(results, handed);
    }

    [Fact]
    public void Run_AnItemFails_NoOtherItemStartsAndTheFailureIsRethrown()
    {
        var started = 0;
        string Work(int item)
        {
            Interlocked.Increment(ref started);
            Thread.Sleep(5);
            return item == 3 ? throw new InvalidOperationException("engine process failed") : "done";
        }

        var failure = Assert.Throws<InvalidOperationException>(() => ParallelRunner.Run(Enumerable.Range(0, 200).ToList(), 2, Work, _ => { }));

        Assert.Equal("engine process failed", failure.Message);

        // Item 3 and at most the one the other thread was on when it failed, and the one it took just then.
        Assert.InRange(started, 4, 6);
    }
}
