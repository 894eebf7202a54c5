using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Scenarios;

/// <summary>
/// The seed's kitchen: one task chops the ingredients, one preheats the oven, each sets an event when
/// done, and the chef must wait for both events before cooking.
/// </summary>
public static class KitchenScenarios
{
    /// <summary>Buggy: the chef waits for the ingredients only, and may cook in a cold oven.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task CookAfterIngredientsOnly() => RunKitchenAsync(waitForOven: false);

    /// <summary>Correct: the chef waits for the ingredients and for the oven.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task CookAfterBothEvents() => RunKitchenAsync(waitForOven: true);

    private static async Task RunKitchenAsync(bool waitForOven)
    {
        var ingredientsReady = new AsyncEvent("ingredients_ready");
        var ovenPreheated = new AsyncEvent("oven_preheated");
        var kitchen = new Kitchen();

        var prepare = ControlledTask.Run(
            async () =>
            {
                await ControlledTask.Yield(); // chopping vegetables
                kitchen.IngredientsPrepared.Write(true);
                ingredientsReady.Set();
            },
            "prepare-ingredients");
        var preheat = ControlledTask.Run(
            async () =>
            {
                await ControlledTask.Yield(); // preheating
                kitchen.OvenHot.Write(true);
                ovenPreheated.Set();
            },
            "preheat-oven");
        var cook = ControlledTask.Run(
            async () =>
            {
                await ingredientsReady.WaitAsync();
                if (waitForOven)
                {
                    await ovenPreheated.WaitAsync();
                }

                var (prepared, hot) = (kitchen.IngredientsPrepared.Read(), kitchen.OvenHot.Read());
                Specification.Assert(
                    prepared && hot,
                    hot
                        ? "The chef started cooking before the ingredients were prepared."
                        : "The chef started cooking before the oven was preheated.");
                await ControlledTask.Yield(); // cooking
            },
            "chef");

        await Task.WhenAll(prepare, preheat, cook);
    }

    private sealed class Kitchen
    {
        public Shared<bool> IngredientsPrepared { get; } = new(false, "ingredients_prepared");

        public Shared<bool> OvenHot { get; } = new(false, "oven_hot");
    }
}
