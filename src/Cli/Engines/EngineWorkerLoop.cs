using System.Globalization;
using System.Text.Json;
using Interleave.Cli;
using Interleave.Cli.Commands;
using Interleave.Cli.Runs;
using Interleave.Harness;

namespace Interleave.Cli.Engines;

/// <summary>
/// An engine process's side of <see cref="EngineWorkers"/> (<c>interleave test --serve</c>): reads the full
/// names of tests from its input, one a line, explores each as <c>interleave test</c> would, and answers each
/// with progress lines and then one result line, until its input ends.
/// </summary>
internal static class EngineWorkerLoop
{
    // The prefixes are long enough that no line a test prints for itself starts with one.

    /// <summary>Starts a line of schedules started so far: <c>#interleave-progress 120</c>.</summary>
    internal const string ProgressPrefix = "#interleave-progress ";

    /// <summary>Starts the line that ends a test: <c>#interleave-result</c> and its <see cref="TestResult"/> as JSON.</summary>
    internal const string ResultPrefix = "#interleave-result ";

    /// <summary>Answers for tests of <paramref name="suite"/> until <paramref name="input"/> ends.</summary>
    /// <returns><see cref="ExitCode.Ok"/>: the verdicts are in the result lines.</returns>
    /// <exception cref="UsageException">A line names no test of the suite.</exception>
    internal static int Serve(TestSuite suite, ExplorationOptions options, string outDir, TextReader input, TextWriter output)
    {
        while (input.ReadLine() is { } fullName)
        {
            var test = TestSelector.ByFullName(suite, fullName)
                ?? throw new UsageException($"No test in {suite.Source} is named {fullName}.");
            var outcome = TestCommand.Explore(test, options with { Progress = new ProgressLines(output) }, outDir);
            output.WriteLine(ResultPrefix + JsonSerializer.Serialize(TestResult.From(outcome), EngineWorkerJsonContext.Default.TestResult));
            output.Flush();
        }

        return ExitCode.Ok;
    }

    /// <summary>Reads a progress line's count, or null when <paramref name="line"/> is not one.</summary>
    internal static int? ParseProgress(string line) =>
        line.StartsWith(ProgressPrefix, StringComparison.Ordinal)
        && int.TryParse(line.AsSpan(ProgressPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var schedules)
            ? schedules
            : null;

    /// <summary>Reads a result line's <see cref="TestResult"/>, or null when <paramref name="line"/> is not one.</summary>
    internal static TestResult? ParseResult(string line) =>
        line.StartsWith(ResultPrefix, StringComparison.Ordinal)
            ? JsonSerializer.Deserialize(line.AsSpan(ResultPrefix.Length), EngineWorkerJsonContext.Default.TestResult)
            : null;

    // A progress line at most every 100 ms: a live bar needs no more, and a line a schedule would cost the
    // parent a parse per schedule.
    private sealed class ProgressLines(TextWriter output) : IProgress<int>
    {
        private long _next;

        public void Report(int value)
        {
            var now = Environment.TickCount64;
            if (now < _next)
            {
                return;
            }

            _next = now + 100;
            output.WriteLine(ProgressPrefix + value.ToString(CultureInfo.InvariantCulture));
            output.Flush();
        }
    }
}
