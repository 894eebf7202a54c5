using System.Reflection;
using FsCheck;
using Interleave.Harness;
using Interleave.Primitives.Testing;
using Microsoft.FSharp.Core;
using Xunit;

// A mutant is switched on for the whole process (Mutation.Active): no other test may run beside it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Interleave.Tests.Property;

// The mutants exist in Debug builds only (what the tests and CI build): a Release build ships without them.
#if INTERLEAVE_MUTANTS

/// <summary>
/// The property suite catches each deliberate defect of the primitives (<see cref="Mutant"/>) on each engine
/// alone: with the mutant switched on, at least one of the model-based properties fails, and without it every
/// one of them passes when run the same way (so a failure is the mutant's doing, not the way the property is run).
/// </summary>
public class MutantProperties
{
    // The model-based property classes that should catch each mutant, tried in this order.
    private static readonly Dictionary<Mutant, string[]> LikelyKillers = new()
    {
        [Mutant.WakeNewestWaiter] = ["LockModelProperties"],
        [Mutant.CancelledWaiterKeepsPermit] = ["LockModelProperties"],
        [Mutant.NotifyWakesAll] = ["ConditionModelProperties"],
        [Mutant.CancelledNotificationDropped] = ["ConditionModelProperties"],
        [Mutant.TaskDoneNotCounted] = ["QueueWaitingModelProperties"],
        [Mutant.BarrierBreaksOnCancellation] = ["BarrierModelProperties"],
        [Mutant.ClearDoesNothing] = ["EventModelProperties"],
        [Mutant.ShutdownLeavesGettersWaiting] = ["QueueWaitingModelProperties"],
        [Mutant.PriorityEqualsNewestFirst] = ["QueueModelProperties"],
    };

    // By name: the enum is internal to the primitives.
    public static TheoryData<string, SchedulingEngine> Mutants()
    {
        var data = new TheoryData<string, SchedulingEngine>();
        foreach (var name in Enum.GetNames<Mutant>().Where(name => name != nameof(Mutant.None)))
        {
            foreach (var engine in Enum.GetValues<SchedulingEngine>())
            {
                data.Add(name, engine);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Mutants))]
    public void Mutant_IsCaughtByAProperty_OnEachEngine(string name, SchedulingEngine engine)
    {
        var mutant = Enum.Parse<Mutant>(name);
        var tried = new List<string>();
        Mutation.Active = mutant;
        ModelCheck.Engines = [engine];
        try
        {
            foreach (var property in PropertiesFor(mutant))
            {
                tried.Add($"{property.DeclaringType!.Name}.{property.Name}");
                if (Fails(property))
                {
                    return;
                }
            }
        }
        finally
        {
            Mutation.Active = Mutant.None;
            ModelCheck.Engines = Enum.GetValues<SchedulingEngine>();
        }

        Assert.Fail($"On the {engine} engine, none of the properties meant to catch the mutant {mutant} did; tried {string.Join(", ", tried)}.");
    }

    [Fact]
    public void EveryMutant_HasLikelyKillers()
    {
        Assert.Equal(Enum.GetValues<Mutant>().Where(m => m != Mutant.None).Order(), LikelyKillers.Keys.Order());
        var classes = typeof(MutantProperties).Assembly.GetTypes().Select(t => t.Name).ToHashSet();
        Assert.All(LikelyKillers.Values.SelectMany(names => names), name => Assert.Contains(name, classes));
    }

    [Fact]
    public void WithoutAMutant_EveryKillerPasses_RunTheSameWay()
    {
        var failing = LikelyKillers.Values.SelectMany(names => names).Distinct().SelectMany(PropertiesOf).Where(Fails)
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}");

        Assert.Empty(failing);
    }

    private static IEnumerable<MethodInfo> PropertiesFor(Mutant mutant) => LikelyKillers[mutant].SelectMany(PropertiesOf);

    private static IEnumerable<MethodInfo> PropertiesOf(string className) =>
        typeof(MutantProperties).Assembly.GetTypes().Single(type => type.Name == className)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(method => method.GetCustomAttribute<ScaledPropertyAttribute>() is not null)
            .OrderBy(method => method.Name, StringComparer.Ordinal);

    private static bool Fails(MethodInfo property)
    {
        // Five times the property's own cases: a mutant must be caught every run, not in most.
        var cases = 5 * property.GetCustomAttribute<ScaledPropertyAttribute>()!.MaxTest;
        var target = property.IsStatic ? null : FSharpOption<object>.Some(Activator.CreateInstance(property.DeclaringType!)!);
        try
        {
            Check.Method(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property, target);
            return false;
        }
        catch (Exception)
        {
            return true;
        }
    }
}

#endif
