using System.Reflection;
using System.Reflection.Emit;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Tests.Systematic.Cli;

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
    public void Test_NativeFileNamedLikeAnAssembly_IsAUsageError()
    {
        // The test host is a native executable: a real binary, but not a .NET assembly.
        var native = Path.Combine(TempDir, "Native.dll");
        File.Copy(Environment.ProcessPath!, native);

        AssertUsageError(Run("test", native), "Cannot load", "Native.dll as a .NET assembly");
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

    [Fact]
    public void Test_UnknownEngine_ListsTheValidOnes() =>
        AssertUsageError(Run("test", "--engine", "fast"), "Unknown engine 'fast'", "coyote, native");

    [Fact]
    public void Test_NativeEngineWithAStrategyItLacks_SaysWhichEngineHasIt() =>
        AssertUsageError(Run("test", "--engine", "native", "-s", "delay-bounding"), "--engine native has the strategies random, probabilistic, pos, surw, prioritization, portfolio, exhaustive", "delay-bounding runs on --engine coyote");

    [Fact]
    public void Test_PartialOrderSamplingOnCoyotesEngine_SaysItIsNativeOnly() =>
        AssertUsageError(Run("test", "-s", "pos"), "--strategy pos runs on --engine native only");

    [Fact]
    public void Test_SleepSetsWithAnotherStrategy_SaysWhereTheyApply() =>
        AssertUsageError(Run("test", "-e", "native", "-s", "random", "--sleep-sets"), "--sleep-sets prunes the exhaustive search without a bound");

    [Fact]
    public void Test_SleepSetsWithAPreemptionBound_SaysWhereTheyApply() =>
        AssertUsageError(Run("test", "-e", "native", "-s", "exhaustive", "--preemption-bound", "1", "--sleep-sets"), "--sleep-sets prunes the exhaustive search without a bound");

    [Fact]
    public void Test_SelectivelyUniformWalkOnCoyotesEngine_SaysItIsNativeOnly() =>
        AssertUsageError(Run("test", "-s", "surw"), "--strategy surw runs on --engine native only");

    [Fact]
    public void Test_NativeEngineWithRewrite_IsRefused() =>
        AssertUsageError(Run("test", Path.Combine(TempDir, "Any.dll"), "--engine", "native", "--rewrite"), "--engine native cannot run rewritten code", "Drop --rewrite or --engine native");

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
    public void Test_OutdirUnderAFile_IsAUsageErrorBeforeExploring()
    {
        // Not a read-only folder: the tests run as root, which writes into those anyway.
        var file = Path.Combine(TempDir, "file");
        File.WriteAllText(file, string.Empty);

        var result = Run("test", "-m", "bank.unprotected-withdraw", "-o", Path.Combine(file, "out"));

        AssertUsageError(result, "cannot be created", file + " is a file, not a directory");
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Test_ThrowingTestInit_IsAUsageErrorNamingTheHook()
    {
        var dll = HookAssembly(initHooks: 1);

        AssertUsageError(Run("test", dll), "The [TestInit] method Hooks.Init0 threw InvalidOperationException: the test database is not there");
    }

    [Fact]
    public void Test_TwoTestInits_IsAUsageError()
    {
        var dll = HookAssembly(initHooks: 2);

        AssertUsageError(Run("list", dll), "declares 2 [TestInit] methods (Hooks.Init0, Hooks.Init1); Coyote allows one per assembly");
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

    // Writes an assembly with one passing [Test] method and initHooks [TestInit] methods that throw
    // InvalidOperationException("the test database is not there"); the name is fresh, since a loaded
    // assembly stays loaded.
    private string HookAssembly(int initHooks)
    {
        var name = "Hooks" + Guid.NewGuid().ToString("N");
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        var type = assembly.DefineDynamicModule(name).DefineType("Hooks", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed);
        var test = type.DefineMethod("Passes", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
        test.SetCustomAttribute(new CustomAttributeBuilder(typeof(TestAttribute).GetConstructor(Type.EmptyTypes)!, []));
        test.GetILGenerator().Emit(OpCodes.Ret);
        for (var i = 0; i < initHooks; i++)
        {
            var init = type.DefineMethod($"Init{i}", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
            init.SetCustomAttribute(new CustomAttributeBuilder(typeof(TestInitAttribute).GetConstructor(Type.EmptyTypes)!, []));
            var il = init.GetILGenerator();
            il.Emit(OpCodes.Ldstr, "the test database is not there");
            il.Emit(OpCodes.Newobj, typeof(InvalidOperationException).GetConstructor([typeof(string)])!);
            il.Emit(OpCodes.Throw);
        }

        type.CreateType();
        var path = Path.Combine(TempDir, name + ".dll");
        assembly.Save(path);
        return path;
    }
}
