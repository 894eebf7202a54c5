using System.Globalization;
using Interleave.Harness;
using Interleave.Scenarios;

// The main job until the full `interleave` command lands: explore every built-in scenario with the
// random and the prioritization strategies, and check each verdict against what the scenario expects.
var iterations = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1000;
Console.WriteLine($"Exploring {ScenarioCatalog.All.Count} built-in scenarios, up to {iterations} schedules per strategy.");
Console.WriteLine();
Console.WriteLine($"{"scenario",-26} {"expected",-9} {"strategy",-15} {"verdict",-18} {"iterations",10} {"time",9}");
var surprises = 0;
foreach (var scenario in ScenarioCatalog.All)
{
    foreach (var strategy in new[] { ExplorationStrategy.Random, ExplorationStrategy.Prioritization })
    {
        var report = Explorer.Run(scenario.Test, new ExplorationOptions { Iterations = iterations, Strategy = strategy });
        var asExpected = report.BugFound == scenario.IsBuggy;
        surprises += asExpected ? 0 : 1;
        Console.WriteLine(
            $"{scenario.Name,-26} {(scenario.IsBuggy ? "bug" : "no bug"),-9} {strategy,-15} {report.Verdict,-18} " +
            $"{report.IterationsRun,10} {report.Elapsed.TotalMilliseconds,7:F0}ms{(asExpected ? string.Empty : "  UNEXPECTED")}");
        if (report.BugFound)
        {
            Console.WriteLine($"    {report.Message}");
        }
    }
}

Console.WriteLine();
Console.WriteLine(surprises == 0 ? "Every scenario behaved as expected." : $"{surprises} result(s) were not as expected.");
return surprises == 0 ? 0 : 2;
