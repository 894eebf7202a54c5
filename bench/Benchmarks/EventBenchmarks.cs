using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Interleave.Primitives;

namespace Interleave.Benchmarks;

/// <summary>
/// Manual-reset events, in two groups, each against a <see cref="TaskCompletionSource"/> baseline (a fresh
/// one per cycle, as code without an event type would do it):
/// <list type="bullet">
/// <item><c>SetWaitClear</c>: set, wait on the set event (completes at once), clear. No task waits.</item>
/// <item><c>SetWakesWaiter</c>: a task is already waiting when the event is set; the cycle ends when that
/// task has resumed. Includes one hop through the thread pool for every kind (each completes its waiters
/// asynchronously).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EventBenchmarks
{
    private const string SetWaitClear = nameof(SetWaitClear);
    private const string SetWakesWaiter = nameof(SetWakesWaiter);

    private readonly AsyncEvent _event = new();
    private readonly Nito.AsyncEx.AsyncManualResetEvent _nitoEvent = new();
    private readonly DotNext.Threading.AsyncManualResetEvent _dotNextEvent = new(initialState: false);

    /// <summary>A completion source set, awaited, and dropped (the next cycle needs a new one).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(SetWaitClear)]
    public async Task TaskCompletionSource_SetWait()
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        completion.SetResult();
        await completion.Task;
    }

    /// <summary>Interleave <see cref="AsyncEvent"/>: set, wait, clear.</summary>
    [Benchmark]
    [BenchmarkCategory(SetWaitClear)]
    public async Task Interleave_AsyncEvent_SetWaitClear()
    {
        _event.Set();
        await _event.WaitAsync();
        _event.Clear();
    }

    /// <summary>Nito.AsyncEx manual-reset event: set, wait, reset.</summary>
    [Benchmark]
    [BenchmarkCategory(SetWaitClear)]
    public async Task Nito_AsyncManualResetEvent_SetWaitReset()
    {
        _nitoEvent.Set();
        await _nitoEvent.WaitAsync();
        _nitoEvent.Reset();
    }

    /// <summary>dotNext manual-reset event: set, wait, reset.</summary>
    [Benchmark]
    [BenchmarkCategory(SetWaitClear)]
    public async Task DotNext_AsyncManualResetEvent_SetWaitReset()
    {
        _dotNextEvent.Set();
        await _dotNextEvent.WaitAsync();
        _dotNextEvent.Reset();
    }

    /// <summary>A task awaits a fresh completion source; setting it resumes the task.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(SetWakesWaiter)]
    public async Task TaskCompletionSource_SetWakesWaiter()
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = AwaitAsync(completion.Task);
        completion.SetResult();
        await waiting;
    }

    /// <summary>A task waits on Interleave <see cref="AsyncEvent"/>; setting it resumes the task.</summary>
    [Benchmark]
    [BenchmarkCategory(SetWakesWaiter)]
    public async Task Interleave_AsyncEvent_SetWakesWaiter()
    {
        _event.Clear();
        var waiting = AwaitAsync(_event.WaitAsync());
        _event.Set();
        await waiting;
    }

    /// <summary>A task waits on Nito.AsyncEx's event; setting it resumes the task.</summary>
    [Benchmark]
    [BenchmarkCategory(SetWakesWaiter)]
    public async Task Nito_AsyncManualResetEvent_SetWakesWaiter()
    {
        _nitoEvent.Reset();
        var waiting = AwaitAsync(_nitoEvent.WaitAsync());
        _nitoEvent.Set();
        await waiting;
    }

    /// <summary>A task waits on dotNext's event; setting it resumes the task.</summary>
    [Benchmark]
    [BenchmarkCategory(SetWakesWaiter)]
    public async Task DotNext_AsyncManualResetEvent_SetWakesWaiter()
    {
        _dotNextEvent.Reset();
        var waiting = AwaitAsync(_dotNextEvent.WaitAsync());
        _dotNextEvent.Set();
        await waiting;
    }

    // The waiting task of SetWakesWaiter: it suspends on the wait before the event is set.
    private static async Task AwaitAsync(Task wait) => await wait;

    private static async Task AwaitAsync(ValueTask wait) => await wait;
}
