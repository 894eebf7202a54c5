using System.Reflection;
using System.Reflection.Emit;
using Interleave.Harness;
using Interleave.Harness.Exploration;
using Interleave.SampleTests;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// Coyote's <c>[TestInit]</c>, <c>[TestIterationDispose]</c> and <c>[TestDispose]</c> run as <c>coyote test</c>
/// runs them: once before the first schedule, after every schedule, once after the last.
/// </summary>
[Collection(SampleAssemblyCollection.Name)]
public class TestHookTests
{
    [Fact]
    public void Hooks_OfTheTestsAssembly_RunAroundTheSchedules()
    {
        var (openings, restocks, closings) = (SeasonTicketTests.Openings, SeasonTicketTests.Restocks, SeasonTicketTests.Closings);

        var report = Explorer.Run(SeasonTicketTests.SellLastSeatOfTheSeason, new ExplorationOptions { Iterations = 60, Seed = 8 });

        Assert.Equal(Verdict.NoBug, report.Verdict);
        Assert.Equal(60, report.IterationsRun);
        Assert.Equal(openings + 1, SeasonTicketTests.Openings);
        Assert.Equal(restocks + 60, SeasonTicketTests.Restocks);
        Assert.Equal(closings + 1, SeasonTicketTests.Closings);
    }

    [Fact]
    public void SampleTest_FailsWhenItsHooksDoNotRun()
    {
        // Called through a lambda of this assembly, which has no hooks: the box office never opens.
        var report = Explorer.Run(() => SeasonTicketTests.SellLastSeatOfTheSeason(), new ExplorationOptions { Iterations = 5, Seed = 8 });

        Assert.Equal(Verdict.UnhandledException, report.Verdict);
        Assert.Contains("[TestInit] method did not run", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hooks_WithParallelEngines_RunOnOneEngine()
    {
        var restocks = SeasonTicketTests.Restocks;

        var report = Explorer.Run(SeasonTicketTests.SellLastSeatOfTheSeason, new ExplorationOptions { Iterations = 80, Seed = 9, ParallelEngines = 2 });

        Assert.Equal(Verdict.NoBug, report.Verdict);
        Assert.Equal(restocks + 80, SeasonTicketTests.Restocks);
    }

    [Fact]
    public void ThrowingInitHook_IsReportedByName()
    {
        var hooks = TestHooks.Of(HookAssembly(typeof(TestInitAttribute), typeof(TestInitAttribute), throws: true, count: 1));

        var error = Assert.Throws<TestHookException>(() => Explorer.Run(() => Task.CompletedTask, new ExplorationOptions { Iterations = 3 }, hooks));

        Assert.Equal("The [TestInit] method Hooks.Hook0 threw InvalidOperationException: hook failed", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void TwoHooksOfOneKind_AreRejectedAsCoyoteDoes()
    {
        var assembly = HookAssembly(typeof(TestIterationDisposeAttribute), typeof(TestIterationDisposeAttribute), throws: false, count: 2);

        var error = Assert.Throws<TestHookException>(() => TestHooks.Of(assembly));

        Assert.Contains("declares 2 [TestIterationDispose] methods (Hooks.Hook0, Hooks.Hook1); Coyote allows one per assembly", error.Message, StringComparison.Ordinal);
    }

    // An assembly with a public static class Hooks whose methods Hook0..HookN carry the attribute and
    // either return or throw InvalidOperationException("hook failed").
    private static Assembly HookAssembly(Type first, Type others, bool throws, int count)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Hooks" + Guid.NewGuid().ToString("N")), AssemblyBuilderAccess.Run);
        var type = assembly.DefineDynamicModule("Hooks").DefineType("Hooks", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed);
        for (var i = 0; i < count; i++)
        {
            var method = type.DefineMethod($"Hook{i}", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
            method.SetCustomAttribute(new CustomAttributeBuilder((i == 0 ? first : others).GetConstructor(Type.EmptyTypes)!, []));
            var il = method.GetILGenerator();
            if (throws)
            {
                il.Emit(OpCodes.Ldstr, "hook failed");
                il.Emit(OpCodes.Newobj, typeof(InvalidOperationException).GetConstructor([typeof(string)])!);
                il.Emit(OpCodes.Throw);
            }
            else
            {
                il.Emit(OpCodes.Ret);
            }
        }

        type.CreateType();
        return assembly;
    }
}
