using System.Diagnostics;

namespace Interleave.Tests.Systematic.Primitives;

/// <summary>
/// The production fast path of the lock and semaphores, in a process that never loads Coyote's testing
/// engine (tests/ProductionProbe): every test process here loads it, which turns the instrumentation on.
/// </summary>
public class ProductionProbeTests
{
    [Fact]
    public async Task ProductionProgram_HooksStayOffAndTheFastPathKeepsEveryCount()
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "Interleave.ProductionProbe.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { probe },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var errors = process.StandardError.ReadToEndAsync(limit.Token);
        var output = await process.StandardOutput.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);

        Assert.True(process.ExitCode == 0, output + await errors);
        Assert.Contains("coyote-test-loaded=False", output, StringComparison.Ordinal);
        Assert.Contains("hooks-active=False", output, StringComparison.Ordinal);
        Assert.Contains("lock.increments=160000", output, StringComparison.Ordinal);
        Assert.Contains("AsyncBoundedSemaphore.permits-at-end=3", output, StringComparison.Ordinal);
    }
}
