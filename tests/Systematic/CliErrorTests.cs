using Interleave.Harness.Cli;

namespace Interleave.Tests.Systematic;

/// <summary>Bad input: one clear line on stderr and exit 1, never a stack trace.</summary>
[Collection(SampleAssemblyCollection.Name)]
public sealed class CliErrorTests : CliTests
{
    [Fact]
    public void Test_MissingAssembly_IsAUsageError() =>
        AssertUsageError(Run("test", Path.Combine(TempDir, "Missing.dll")), "Assembly not found", "Missing.dll");

    [Fact]
    public void Test_FileThatIsNotAnAssembly_IsAUsageError()
    {
        var bogus = Path.Combine(TempDir, "Bogus.dll");
        File.WriteAllText(bogus, "not a PE file");

        AssertUsageError(Run("list", bogus), "Cannot load", "Bogus.dll");
    }

    [Fact]
    public void Test_AssemblyWithoutTestMethods_IsAUsageError() =>
        AssertUsageError(Run("test", Path.Combine(AppContext.BaseDirectory, "Interleave.Primitives.dll")), "No test methods found");

    [Fact]
    public void Test_UnknownMethod_SuggestsNearNames()
    {
        AssertUsageError(Run("test", "-m", "bnak.safe-withdraw"), "No test in the built-in scenarios matches 'bnak.safe-withdraw'", "Did you mean bank.safe-withdraw");
        AssertUsageError(Run("test", SampleDll, "-m", "SellUnderLok"), "Did you mean TicketSaleTests.SellUnderLock");
        AssertUsageError(Run("test", "-m", "zzzzzzzzzz"), "interleave list");
    }

    [Fact]
    public void Test_UnknownStrategy_ListsTheValidOnes() =>
        AssertUsageError(Run("test", "-s", "pct"), "Unknown strategy 'pct'", "random, prioritization, probabilistic, delay-bounding, q-learning");

    [Theory]
    [InlineData("--iterations", "0", "--iterations must be at least 1")]
    [InlineData("-i", "-5", "--iterations must be at least 1")]
    [InlineData("--max-steps", "0", "--max-steps must be at least 1")]
    [InlineData("--timeout", "0", "--timeout must be at least 1")]
    [InlineData("-p", "0", "--parallel must be at least 1")]
    [InlineData("-i", "many", "Cannot parse argument 'many'")]
    public void Test_BadNumber_IsAUsageError(string option, string value, string message) =>
        AssertUsageError(Run("test", option, value), message);

    [Fact]
    public void Test_OutdirIsAFile_IsAUsageError()
    {
        var file = Path.Combine(TempDir, "file");
        File.WriteAllText(file, string.Empty);

        AssertUsageError(Run("test", "-m", "bank", "-o", file), "is a file");
    }

    [Fact]
    public void Replay_AssemblyInsteadOfTrace_IsAUsageError() =>
        AssertUsageError(Run("replay", SampleDll), "is an assembly, not a trace");

    [Fact]
    public void NoCommandOrUnknownOption_IsAUsageError()
    {
        AssertUsageError(Run(), "Run 'interleave --help'");
        AssertUsageError(Run("test", "--frobnicate"), "--frobnicate");
    }
}
