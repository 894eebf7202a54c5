using Interleave.Analyzers.CodeFixes;
using static Interleave.Tests.Analyzers.Verify;

namespace Interleave.Tests.Analyzers;

/// <summary>ILV0005: SemaphoreSlim, and the fix to AsyncSemaphore or AsyncBoundedSemaphore where it is mechanical.</summary>
public sealed class SemaphoreSlimTests
{
    [Fact]
    public Task NewSemaphoreSlim_Warns() => DiagnosticsAsync(InClass("""
            private readonly SemaphoreSlim _gate = {|ILV0005:new SemaphoreSlim(1)|};
            private readonly SemaphoreSlim _pool = {|ILV0005:new(2, 4)|};
        """));

    [Fact]
    public Task AsyncSemaphore_AndASemaphoreSlimPassedIn_DoNotWarn() => DiagnosticsAsync(InClass("""
            private readonly AsyncSemaphore _gate = new(1, "gate");
            private readonly AsyncBoundedSemaphore _pool = new(2);

            public Task Wait(SemaphoreSlim given) => given.WaitAsync();
        """));

    [Fact]
    public Task Fix_FieldWaitedAndReleased_BecomesAsyncSemaphore() => FixAsync<AsyncSemaphoreFix>(
        InClass("""
            private readonly SemaphoreSlim _gate = {|ILV0005:new SemaphoreSlim(2)|};

            public async Task Work(CancellationToken token)
            {
                await _gate.WaitAsync(token);
                try
                {
                    Console.WriteLine(this._gate.CurrentCount);
                }
                finally
                {
                    _gate.Release();
                }
            }
        """),
        InClass("""
            private readonly AsyncSemaphore _gate = new AsyncSemaphore(2);

            public async Task Work(CancellationToken token)
            {
                await _gate.AcquireAsync(token);
                try
                {
                    Console.WriteLine(this._gate.CurrentCount);
                }
                finally
                {
                    _gate.Release();
                }
            }
        """));

    [Fact]
    public Task Fix_LocalWithTheSameBoundTwice_BecomesAsyncBoundedSemaphore() => FixAsync<AsyncSemaphoreFix>(
        InClass("""
            public async Task Work()
            {
                var gate = {|ILV0005:new SemaphoreSlim(1, 1)|};
                await gate.WaitAsync();
                gate.Release();
            }
        """),
        InClass("""
            public async Task Work()
            {
                var gate = new AsyncBoundedSemaphore(1);
                await gate.AcquireAsync();
                gate.Release();
            }
        """));

    [Fact]
    public Task Fix_TargetTypedCreation_KeepsNew() => FixAsync<AsyncSemaphoreFix>(
        InClass("""
            private static SemaphoreSlim s_gate = {|ILV0005:new(3)|};

            public static async Task Work()
            {
                await s_gate.WaitAsync();
                s_gate.Release();
            }
        """),
        InClass("""
            private static AsyncSemaphore s_gate = new(3);

            public static async Task Work()
            {
                await s_gate.AcquireAsync();
                s_gate.Release();
            }
        """));

    [Theory]
    [InlineData("_gate.Wait();")]
    [InlineData("await _gate.WaitAsync(TimeSpan.FromSeconds(1));")]
    [InlineData("var counted = _gate.Release();")]
    [InlineData("_gate.Release(2);")]
    [InlineData("_gate.Dispose();")]
    [InlineData("await _gate.WaitAsync().ConfigureAwait(true);")]
    [InlineData("Use(_gate);")]
    public Task Fix_AUseWithoutAMechanicalEquivalent_IsNotOffered(string use)
    {
        var code = InClass($$"""
                private readonly SemaphoreSlim _gate = {|ILV0005:new SemaphoreSlim(1)|};

                public async Task Work()
                {
                    await Task.CompletedTask;
                    {{use}}
                }

                private static void Use(SemaphoreSlim semaphore) => Console.WriteLine(semaphore);
            """);
        return FixAsync<AsyncSemaphoreFix>(code, code);
    }

    [Theory]
    [InlineData("private readonly SemaphoreSlim _gate = {|ILV0005:new SemaphoreSlim(1, 4)|};")]
    [InlineData("public readonly SemaphoreSlim Gate = {|ILV0005:new SemaphoreSlim(1)|};")]
    [InlineData("private readonly SemaphoreSlim _a = {|ILV0005:new SemaphoreSlim(1)|}, _b = {|ILV0005:new SemaphoreSlim(1)|};")]
    [InlineData("public void Work() { using var gate = {|ILV0005:new SemaphoreSlim(1)|}; }")]
    public Task Fix_AnotherBoundOrAVariableSeenElsewhere_IsNotOffered(string member)
    {
        var code = InClass(member);
        return FixAsync<AsyncSemaphoreFix>(code, code);
    }
}
