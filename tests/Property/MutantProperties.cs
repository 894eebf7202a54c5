using System.Reflection;
using FsCheck;
using Interleave.Primitives.Testing;
using Microsoft.FSharp.Core;
using Xunit;

// A mutant is switched on for the whole process (Mutation.Active): no other test may run beside it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Interleave.Tests.Property;

/// <summary>
/// The property suite catches each deliberate defect of the primitives (<see cref="Mutant"/>): with the
/// mutant switched on, at least one property of this assembly fails. The suite is tried property by
/// property, those likeliest to catch the mutant first, until one fails.
/// </summary>
public class MutantProperties
{
    // Where each mutant is expected to be caught first (class names); any other property may catch it too.
    private static readonly Dictionary<Mutant, string[]> LikelyKillers = new()
    {
        [Mutant.WakeNewestWaiter] = ["LockModelProperties"],
        [Mutant.CancelledWaiterKeepsPermit] = ["LockModelProperties"],
        [Mutant.NotifyWakesAll] = ["ConditionModelProperties"],
        [Mutant.CancelledNotificationDropped] = ["ConditionModelProperties"],
        [Mutant.TaskDoneNotCounted] = ["QueueWaitingModelProperties"],
        [Mutant.BarrierIgnoresCancellation] = ["BarrierModelProperties"],
        [Mutant.ClearDoesNothing] = ["EventModelProperties"],
        [Mutant.ShutdownLeavesGettersWaiting] = ["QueueWaitingModelProperties"],
        [Mutant.PriorityEqualsNewestFirst] = ["QueueModelProperties"],
    };

    // By name: the enum is internal to the primitives.
    public static TheoryData<string> Mutants() => new(Enum.GetNames<Mutant>().Where(name => name != nameof(Mutant.None)));

    [Theory]
    [MemberData(nameof(Mutants))]
    public void Mutant_IsCaughtByAProperty(string name)
    {
        var mutant = Enum.Parse<Mutant>(name);
        var tried = new List<string>();
        Mutation.Active = mutant;
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
        }

        Assert.Fail($"No property caught the mutant {mutant}; tried {string.Join(", ", tried)}.");
    }

    [Fact]
    public void EveryMutant_HasLikelyKillers()
    {
        Assert.Equal(Enum.GetValues<Mutant>().Where(m => m != Mutant.None).Order(), LikelyKillers.Keys.Order());
        var classes = typeof(MutantProperties).Assembly.GetTypes().Select(t => t.Name).ToHashSet();
        Assert.All(LikelyKillers.Values.SelectMany(names => names), name => Assert.Contains(name, classes));
    }

    // Every property of the assembly but these, the likely killers first.
    private static IEnumerable<MethodInfo> PropertiesFor(Mutant mutant)
    {
        var likely = LikelyKillers[mutant];
        return typeof(MutantProperties).Assembly.GetTypes()
            .Where(type => type != typeof(MutantProperties))
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttribute<ScaledPropertyAttribute>() is not null)
            .OrderBy(method => Array.IndexOf(likely, method.DeclaringType!.Name) is var rank and >= 0 ? rank : likely.Length)
            .ThenBy(method => method.DeclaringType!.Name, StringComparer.Ordinal)
            .ThenBy(method => method.Name, StringComparer.Ordinal);
    }

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
