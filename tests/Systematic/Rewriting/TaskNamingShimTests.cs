using Interleave.Harness;
using Interleave.Primitives.Rewriting;
using Microsoft.Coyote.Specifications;

namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>
/// Tasks that rewritten code starts with <c>Task.Run</c>, <c>Task.Factory.StartNew</c> and <c>Parallel.Invoke</c>
/// are named after their body's method (the shims called here as rewritten code calls them).
/// </summary>
public sealed class TaskNamingShimTests
{
    private static readonly ExplorationOptions Options = new() { Iterations = 5, Seed = 1 };

    [Fact]
    public void StartNewAndParallelInvoke_NameEachTaskAfterItsMethod_AndRunEveryBody()
    {
        var report = Explorer.Run(async () =>
        {
            var ran = new List<string>();
            void Alpha() => ran.Add(nameof(Alpha));
            void Beta() => ran.Add(nameof(Beta));
            int Gamma() => ran.Count;

            await TaskFactoryShim.StartNew(Task.Factory, Alpha);
            var seen = await TaskFactoryShim.StartNew(Task.Factory, Gamma);
            ParallelShim.Invoke(Alpha, Beta);
            await TaskShim.Run(Beta);
            Specification.Assert(seen == 1 && ran.Count == 4, $"ran {string.Join(", ", ran)}");
            Specification.Assert(false, "stop here, to read the account");
        }, Options);

        Assert.Equal(Verdict.AssertionFailure, report.Verdict);
        Assert.Contains("stop here", report.Account, StringComparison.Ordinal);
        foreach (var (task, method) in new[] { ("T1", "Alpha"), ("T2", "Gamma"), ("T3", "Alpha"), ("T4", "Beta"), ("T5", "Beta") })
        {
            Assert.Matches($@"main +start task {task} {method}\b", report.Account);
        }
    }

    [Fact]
    public void ParallelInvoke_ThrowsWhatItsActionsThrew_AsAnAggregate()
    {
        var report = Explorer.Run(() =>
        {
            try
            {
                ParallelShim.Invoke(() => throw new InvalidOperationException("one"), () => { });
                Specification.Assert(false, "Parallel.Invoke returned");
            }
            catch (AggregateException error)
            {
                Specification.Assert(error.InnerExceptions.Single() is InvalidOperationException { Message: "one" }, error.ToString());
            }

            return Task.CompletedTask;
        }, Options);

        Assert.True(report.Verdict == Verdict.NoBug, report.Account);
    }
}
