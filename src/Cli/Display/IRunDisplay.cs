using Interleave.Cli.Runs;
namespace Interleave.Cli.Display;

/// <summary>How <c>interleave test</c> shows a run while it goes: plain lines, or a live terminal display.</summary>
internal interface IRunDisplay
{
    /// <summary>Explores every test (up to <paramref name="parallel"/> at once) and shows each result as it is known.</summary>
    /// <param name="tests">The tests, in the order their rows are shown.</param>
    /// <param name="parallel">Tests explored at once.</param>
    /// <param name="explore">Explores one test, reporting schedules started to the progress it is given.</param>
    /// <returns>The outcomes, in the order of <paramref name="tests"/>.</returns>
    IReadOnlyList<TestOutcome> Run(IReadOnlyList<TestCase> tests, int parallel, Func<TestCase, IProgress<int>?, TestOutcome> explore);
}
