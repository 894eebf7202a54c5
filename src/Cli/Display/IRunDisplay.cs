using Interleave.Cli.Runs;

namespace Interleave.Cli.Display;

/// <summary>How <c>interleave test</c> shows a run while it goes, observing it: plain lines, or a live terminal display.</summary>
internal interface IRunDisplay : IRunObserver
{
    /// <summary>Shows the run while <paramref name="run"/> explores its tests (a live display draws meanwhile).</summary>
    void Show(Action run);

    /// <summary>Shows the results once the run is over (a live display's table).</summary>
    void Summarize(IReadOnlyList<TestResult> results);
}
