using System.Text.RegularExpressions;
using Interleave.Cli.Reports;
using Interleave.Harness;

namespace Interleave.Tests.Systematic.Reports;

/// <summary>The page of a whole run: one row per test, links to each bug's files, unexpected verdicts marked.</summary>
public class RunSummaryPageTests
{
    private static readonly RunSummaryEntry Deadlock = new(
        "locks.opposite-order", true, Verdict.Deadlock, 3, TimeSpan.FromMilliseconds(120),
        "locks.opposite-order.html", "locks.opposite-order.trace", "locks.opposite-order.txt");

    private static readonly RunSummaryEntry Passed = new(
        "locks.consistent-order", false, Verdict.NoBug, 1000, TimeSpan.FromSeconds(12.34), null, null, null);

    [Fact]
    public void Rows_OnePerEntryInOrder_WithVerdictIterationsAndTime()
    {
        var html = RunSummaryPage.Render([Deadlock, Passed], "built-in scenarios");

        Assert.Equal(
            ["locks.opposite-order", "locks.consistent-order"],
            Regex.Matches(html, """<tr class="test[^"]*" data-test="([^"]*)">""").Select(m => m.Groups[1].Value));
        Assert.Contains("""<td>bug</td><td class="verdict">Deadlock</td><td class="number">3</td><td class="number">120 ms</td>""", html, StringComparison.Ordinal);
        Assert.Contains("""<td>no bug</td><td class="verdict">NoBug</td><td class="number">1000</td><td class="number">12.3 s</td><td>-</td>""", html, StringComparison.Ordinal);
        Assert.Contains("2 tests, 1 bugs found, 0 not as expected.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_BugFiles_RelativeAndPercentEncoded()
    {
        var spaced = Deadlock with { HtmlLink = @"out dir\a#b.html", TraceLink = null, AccountLink = null };

        var html = RunSummaryPage.Render([Deadlock, spaced], "run");

        Assert.Contains("""<a href="locks.opposite-order.html">report</a><a href="locks.opposite-order.trace">trace</a><a href="locks.opposite-order.txt">account</a>""", html, StringComparison.Ordinal);
        Assert.Contains("""<a href="out%20dir/a%23b.html">report</a></td>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Unexpected_VerdictOtherThanExpected_RowMarked()
    {
        var missed = Deadlock with { Verdict = Verdict.NoBug, HtmlLink = null, TraceLink = null, AccountLink = null };
        var user = Passed with { TestName = "Shop.Checkout", IsBuggy = null, Verdict = Verdict.AssertionFailure };

        var html = RunSummaryPage.Render([missed, Passed, user], "run");

        Assert.Equal(
            ["test unexpected", "test", "test"],
            Regex.Matches(html, """<tr class="([^"]*)" data-test=""").Select(m => m.Groups[1].Value));
        Assert.Contains("1 not as expected", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_WithMarkup_Escaped()
    {
        var html = RunSummaryPage.Render([Passed with { TestName = "<script>x</script>" }], "<b>run</b>");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>&lt;b&gt;run&lt;/b&gt;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("""data-test="&lt;script&gt;x&lt;/script&gt;">""", html, StringComparison.Ordinal);
    }
}
