using System.Collections.Concurrent;
using Interleave.Harness;
using Interleave.Primitives;
using Interleave.Primitives.Rewriting;
using Microsoft.Coyote.Specifications;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>
/// .NET's concurrent collections in rewritten code (<see cref="ConcurrentDictionaryShim{TKey, TValue}"/> and the
/// queue, stack and bag shims), called here as rewritten code calls them: each operation a step of the account.
/// </summary>
public sealed class ConcurrentCollectionShimTests
{
    private static readonly ExplorationOptions Options = new() { Iterations = 200, Seed = 1 };

    private static Func<Task> OpenTwice(Func<ConcurrentDictionary<string, int>, int, bool> open) => async () =>
    {
        var accounts = new ConcurrentDictionary<string, int>();
        var opened = await Task.WhenAll(TaskShim.Run(() => open(accounts, 10)), TaskShim.Run(() => open(accounts, 20)));
        Specification.Assert(opened.Count(o => o) == 1, $"Opened by {opened.Count(o => o)} requests.");
    };

    [Fact]
    public void ACheckThenAdd_OpensTwice_AndTheAccountShowsEachTasksLookAndUpdate()
    {
        var report = Explorer.Run(OpenTwice(static (accounts, deposit) =>
        {
            if (ConcurrentDictionaryShim<string, int>.ContainsKey(accounts, "ann"))
            {
                return false;
            }

            ConcurrentDictionaryShim<string, int>.set_Item(accounts, "ann", deposit);
            return true;
        }), Options);

        Assert.True(report.Verdict == Verdict.AssertionFailure, report.Account);
        foreach (var task in new[] { "T1", "T2" })
        {
            Assert.Matches($@"{task} \S+ +look into concurrent dictionary 'ConcurrentDictionary#1' +-> not found +ConcurrentCollectionShimTests\.cs:\d+", report.Account);
            Assert.Matches($@"{task} \S+ +update concurrent dictionary 'ConcurrentDictionary#1' +-> done \(1 entry\)", report.Account);
        }
    }

    [Fact]
    public void TryAdd_OpensOnce_AndTheLoserIsRefused()
    {
        Assert.Equal(Verdict.NoBug, Explorer.Run(OpenTwice(static (accounts, deposit) => ConcurrentDictionaryShim<string, int>.TryAdd(accounts, "ann", deposit)), Options).Verdict);

        var report = Explorer.Run(async () =>
        {
            var accounts = new ConcurrentDictionary<string, int>();
            await TaskShim.Run(() => ConcurrentDictionaryShim<string, int>.TryAdd(accounts, "ann", 10));
            Specification.Assert(ConcurrentDictionaryShim<string, int>.TryAdd(accounts, "ann", 20), "Opened twice.");
        }, Options);

        Assert.True(report.Verdict == Verdict.AssertionFailure, report.Account);
        Assert.Matches(@"update concurrent dictionary 'ConcurrentDictionary#1' +-> done \(1 entry\)", report.Account);
        Assert.Matches(@"update concurrent dictionary 'ConcurrentDictionary#1' +-> refused \(the key forbade it\)", report.Account);
    }

    [Fact]
    public void ACountThenDequeue_CanFindTheQueueEmpty_AndTheStepsSayWhatEachTaskSaw()
    {
        var report = Explorer.Run(async () =>
        {
            var work = new ConcurrentQueue<int>();
            ConcurrentQueueShim<int>.Enqueue(work, 1);
            async Task TakeOneAsync()
            {
                if (ConcurrentQueueShim<int>.get_Count(work) > 0)
                {
                    await Task.Yield();
                    Specification.Assert(ConcurrentQueueShim<int>.TryDequeue(work, out _), "The queue emptied between the count and the dequeue.");
                }
            }

            await Task.WhenAll(TaskShim.Run(TakeOneAsync), TaskShim.Run(TakeOneAsync));
        }, Options);

        Assert.True(report.Verdict == Verdict.AssertionFailure, report.Account);
        Assert.Matches(@"main +put into concurrent queue 'ConcurrentQueue#1' +-> done \(1 queued\)", report.Account);
        Assert.Matches(@"look into concurrent queue 'ConcurrentQueue#1' +-> found", report.Account);
        Assert.Matches(@"get from concurrent queue 'ConcurrentQueue#1' +-> got an item \(0 left\)", report.Account);
        Assert.Matches(@"get from concurrent queue 'ConcurrentQueue#1' +-> refused \(empty\)", report.Account);
    }

    [Fact]
    public void AStackAndABag_AreStepsToo_NamedPerKind()
    {
        var report = Explorer.Run(() =>
        {
            var stack = new ConcurrentStack<int>();
            var bag = new ConcurrentBag<int>();
            ConcurrentStackShim<int>.Push(stack, 1);
            ConcurrentBagShim<int>.Add(bag, 2);
            Specification.Assert(!ConcurrentStackShim<int>.TryPop(stack, out var popped) || popped != 1, "Reached the end.");
            return Task.CompletedTask;
        }, Options);

        Assert.True(report.Verdict == Verdict.AssertionFailure, report.Account);
        Assert.Matches(@"put into concurrent stack 'ConcurrentStack#1' +-> done \(1 queued\)", report.Account);
        Assert.Matches(@"put into concurrent bag 'ConcurrentBag#1' +-> done \(1 queued\)", report.Account);
        Assert.Matches(@"get from concurrent stack 'ConcurrentStack#1' +-> got an item \(0 left\)", report.Account);
    }

    [Fact]
    public void AValuePublishedThroughADictionary_IsOrderedByIt_NotARace()
    {
        static Func<Task> Publish(bool throughTheDictionary) => async () =>
        {
            var ready = new ConcurrentDictionary<string, int>();
            var payload = new Shared<int>(0, "payload");
            var writer = TaskShim.Run(() =>
            {
                payload.Value = 42;
                if (throughTheDictionary)
                {
                    ConcurrentDictionaryShim<string, int>.set_Item(ready, "payload", 1);
                }
            });
            var reader = TaskShim.Run(() =>
            {
                if (!throughTheDictionary || ConcurrentDictionaryShim<string, int>.ContainsKey(ready, "payload"))
                {
                    _ = payload.Value;
                }
            });
            await Task.WhenAll(writer, reader);
        };

        Assert.Equal(Verdict.NoBug, Explorer.Run(Publish(throughTheDictionary: true), Options).Verdict);
        Assert.Equal(Verdict.DataRace, Explorer.Run(Publish(throughTheDictionary: false), Options).Verdict);
    }
}
