using Interleave.Cli.Runs;

namespace Interleave.Cli.Engines;

/// <summary>
/// An engine process's side of <see cref="EngineProtocol"/> (<c>interleave engine</c>): reads jobs from its
/// input, explores each in this process as <see cref="InProcessEngine"/> does, and answers each with progress
/// lines and then its result, until its input ends.
/// </summary>
internal static class EngineProcessLoop
{
    /// <summary>Answers jobs on tests of <paramref name="suite"/> until <paramref name="input"/> ends.</summary>
    /// <returns><see cref="ExitCode.Ok"/>: the verdicts are in the result lines.</returns>
    /// <exception cref="UsageException">A line is not a job, or names no test of the suite.</exception>
    internal static int Serve(TestSuite suite, TextReader input, TextWriter output)
    {
        while (input.ReadLine() is { } line)
        {
            var job = EngineProtocol.ParseJob(line);
            var test = TestSelector.ByFullName(suite, job.Test)
                ?? throw new UsageException($"No test in {suite.Source} is named {job.Test}.");
            var result = InProcessEngine.Explore(test, job.Exploration with { Progress = new ProgressLines(output) }, job.OutDir);
            output.WriteLine(EngineProtocol.ResultLine(result));
            output.Flush();
        }

        return ExitCode.Ok;
    }

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
            output.WriteLine(EngineProtocol.ProgressLine(value));
            output.Flush();
        }
    }
}
