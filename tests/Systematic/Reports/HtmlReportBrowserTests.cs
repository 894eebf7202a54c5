using System.Diagnostics;
using System.Text.RegularExpressions;
using Interleave.Harness;
using Interleave.Harness.Findings;
using Interleave.Harness.Reports;
using Interleave.Primitives.Instrumentation;
using Interleave.Scenarios;

namespace Interleave.Tests.Systematic.Reports;

/// <summary>
/// The HTML report of every buggy scenario, its schedule minimized as the command line reports it, loaded in a
/// real headless Chromium: the DOM the browser built has the lanes, every step with its source line's code,
/// the highlighted failure, each preemption of the minimal schedule marked before the step it let run and told
/// as a sentence, for a deadlock the wait-for section (and the cycle when there is one), and the page's script ran.
/// </summary>
public class HtmlReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan BrowserTimeLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MinimizeFor = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(CatalogData.BuggyScenarios), MemberType = typeof(CatalogData))]
    public void BuggyScenario_ReportInChromium_ShowsLanesStepsFailureAndRanItsScript(string name)
    {
        var scenario = ScenarioCatalog.All.Single(s => s.Name == name);
        var report = Explorer.Run(scenario.Test, new ExplorationOptions { Iterations = 1000, Seed = 17, MinimizeFor = MinimizeFor });
        Assert.True(report.BugFound, $"{name}: {report}");
        Assert.Equal(report.Minimization?.Preemptions, report.Preemptions.Count);

        var dom = RenderInChromium(HtmlReport.Render(report, name));

        Assert.Matches("""<body[^>]* data-rendered="yes"[^>]*>""", dom); // the page's script ran
        var tasks = report.Events.Select(e => e.Task)
            .Concat(report.Events.Where(e => e.Operation == PrimitiveOperation.Spawn).Select(e => e.Counterpart))
            .Select(t => t.Name).Distinct().Order();
        Assert.Equal(tasks, Regex.Matches(dom, """<div class="lane" data-task="([^"]*)" """).Select(m => m.Groups[1].Value).Order());
        Assert.Equal(report.Events.Count, Regex.Matches(dom, """<button type="button" class="step( failing| racing)?" data-step="\d+" """).Count);
        var failing = Assert.Single(Regex.Matches(dom, """class="step failing" data-step="(\d+)" """));
        Assert.Equal(report.Events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), failing.Groups[1].Value);

        // Every step with a source line carries that line's code (the scenarios' sources are on this machine).
        var sources = Regex.Matches(dom, """data-source="([^"]*)" data-code="([^"]*)" """);
        Assert.Equal(report.Events.Count, sources.Count);
        Assert.All(sources.Where(m => m.Groups[1].Value.Length > 0), m => Assert.NotEmpty(m.Groups[2].Value));
        Assert.Matches("""<dd><code data-field="code">[^<]+</code></dd>""", dom);

        // Each preemption: a mark before the step it let run, naming the task that could have gone on, and its sentence.
        Assert.Equal(
            report.Preemptions.Select(p => $"{p.BeforeEvent + 1} {p.Task.Name}"),
            Regex.Matches(dom, """<div class="preemption" data-step="(\d+)" data-task="([^"]*)" """).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}"));
        Assert.Equal(
            report.Preemptions.Select(p => $"Before step {p.BeforeEvent + 1}: "),
            Regex.Matches(dom, """<li data-step="\d+">(Before step \d+: )[^<]*could go on[^<]*\.</li>""").Select(m => m.Groups[1].Value));
        if (report.Verdict == Verdict.Deadlock)
        {
            Assert.Contains("""<section class="deadlock">""", dom, StringComparison.Ordinal);
            Assert.Equal(report.Finding is DeadlockFinding { Cycle.Count: > 0 }, dom.Contains("""<div class="cycle" """, StringComparison.Ordinal));
        }
        else
        {
            Assert.DoesNotContain("""class="deadlock""", dom, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LockOrderInversion_MinimalScheduleInChromium_MarksItsOnePreemptionBeforeTheStepItLetRun()
    {
        var scenario = ScenarioCatalog.All.Single(s => s.Name == "locks.opposite-order");
        var report = Explorer.Run(scenario.Test, new ExplorationOptions { Iterations = 1000, Seed = 17, MinimizeFor = MinimizeFor });
        Assert.Equal(Verdict.Deadlock, report.Verdict);
        var preemption = Assert.Single(report.Preemptions);

        var dom = RenderInChromium(HtmlReport.Render(report, scenario.Name));

        var step = preemption.BeforeEvent + 1;
        var runs = report.Events[preemption.BeforeEvent].Task.Name;
        Assert.NotEqual(preemption.Task.Name, runs);
        Assert.Contains($"""<div class="preemption" data-step="{step}" data-task="{preemption.Task.Name}" """, dom, StringComparison.Ordinal);
        Assert.Contains($"""<li data-step="{step}">Before step {step}: {runs} runs here, though {preemption.Task.Name} could go on.</li>""", dom, StringComparison.Ordinal);
        Assert.Contains(", 1 preemption; the schedule failed at step", dom, StringComparison.Ordinal);
    }

    /// <summary>Loads <paramref name="html"/> from a file in headless Chromium and returns the DOM it built.</summary>
    private static string RenderInChromium(string html)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: the HTML report tests need a real browser. The test command installs it as root (tests/Systematic/Reports/install-chromium.sh); otherwise: apt-get install -y chromium");
        var directory = Directory.CreateTempSubdirectory("interleave-html-");
        try
        {
            var page = Path.Combine(directory.FullName, "report.html");
            File.WriteAllText(page, html);
            var start = new ProcessStartInfo(Chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={Path.Combine(directory.FullName, "profile")}", "--dump-dom", new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var browser = Process.Start(start) ?? throw new InvalidOperationException($"{Chromium} did not start.");
            var output = browser.StandardOutput.ReadToEndAsync();
            var errors = browser.StandardError.ReadToEndAsync();
            if (!browser.WaitForExit(BrowserTimeLimit))
            {
                browser.Kill(entireProcessTree: true);
                browser.WaitForExit();
                Assert.Fail($"Chromium did not finish within {BrowserTimeLimit.TotalSeconds} s; killed it. Its stderr: {errors.Result}");
            }

            Assert.True(browser.ExitCode == 0, $"Chromium exited with {browser.ExitCode}: {errors.Result}");
            Assert.True(output.Wait(BrowserTimeLimit), "Chromium exited but its output did not end.");
            return output.Result;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
