using Interleave.Analyzers;
using Interleave.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using static Interleave.Tests.Analyzers.Verify;

namespace Interleave.Tests.Analyzers;

/// <summary>ILV0010: reads of the system clock, and the fix to the same read of ControlledTask.TimeProvider.</summary>
public sealed class SystemClockTests
{
    [Fact]
    public Task NowAndUtcNow_Warn() => DiagnosticsAsync(InClass("""
            public void Read()
            {
                Console.WriteLine({|ILV0010:DateTime.UtcNow|});
                Console.WriteLine({|ILV0010:DateTime.Now|});
                Console.WriteLine({|ILV0010:DateTimeOffset.UtcNow|});
                Console.WriteLine({|ILV0010:DateTimeOffset.Now|});
            }
        """));

    [Fact]
    public Task Warning_NamesTheReadAndItsReplacement() => DiagnosticsAsync(
        InClass("""
            public DateTime Read() => {|#0:DateTime.Now|};
        """),
        new DiagnosticResult(Rules.SystemClock)
            .WithLocation(0)
            .WithMessage("'DateTime.Now' reads the system clock, which the scheduler does not control; use ControlledTask.TimeProvider.GetLocalNow().DateTime"));

    [Fact]
    public Task TimeProviderReads_DoNotWarn() => DiagnosticsAsync(InClass("""
            public void Read(DateTime given)
            {
                Console.WriteLine(ControlledTask.TimeProvider.GetUtcNow());
                Console.WriteLine(given.Date);
                Console.WriteLine(DateTime.MinValue);
            }
        """));

    [Fact]
    public Task Fix_EachClockRead_ReadsControlledTaskTimeProvider() => FixAsync<TimeProviderFix>(
        InClass("""
            public void Read()
            {
                DateTime utc = {|ILV0010:DateTime.UtcNow|};
                DateTime local = {|ILV0010:DateTime.Now|};
                DateTimeOffset utcOffset = {|ILV0010:DateTimeOffset.UtcNow|};
                DateTimeOffset localOffset = {|ILV0010:DateTimeOffset.Now|};
                Console.WriteLine({|ILV0010:DateTime.UtcNow|}.Ticks);
            }
        """),
        InClass("""
            public void Read()
            {
                DateTime utc = ControlledTask.TimeProvider.GetUtcNow().UtcDateTime;
                DateTime local = ControlledTask.TimeProvider.GetLocalNow().DateTime;
                DateTimeOffset utcOffset = ControlledTask.TimeProvider.GetUtcNow();
                DateTimeOffset localOffset = ControlledTask.TimeProvider.GetLocalNow();
                Console.WriteLine(ControlledTask.TimeProvider.GetUtcNow().UtcDateTime.Ticks);
            }
        """));
}
