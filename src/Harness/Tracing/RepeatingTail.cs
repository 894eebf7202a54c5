namespace Interleave.Harness.Tracing;

/// <summary>
/// The cycle a hung schedule ends in: the shortest run of steps that repeats, back to back, up to the last
/// step, found on the rendered rows so that two steps repeat when they read the same (task, operation,
/// outcome and line), whatever their step numbers.
/// </summary>
/// <param name="Start">The index of the cycle's first step, the first after the last change that matters.</param>
/// <param name="Period">How many steps one turn of the cycle takes.</param>
internal readonly record struct RepeatingTail(int Start, int Period)
{
    // A tail repeats when it came round at least this often; fewer turns are a coincidence, not a loop.
    private const int FewestTurns = 3;

    // Loops longer than this are told step by step: a person could not follow one turn either.
    private const int LongestPeriod = 64;

    /// <summary>How many steps, from <see cref="Start"/> to the end, the cycle's turns take in all.</summary>
    internal int Steps(int count) => count - Start;

    /// <summary>The cycle <paramref name="rows"/> end in, or null when they do not end in one.</summary>
    internal static RepeatingTail? Of(IReadOnlyList<string> rows)
    {
        RepeatingTail? best = null;
        for (var period = 1; period <= Math.Min(LongestPeriod, rows.Count / FewestTurns); period++)
        {
            // Walk back while each row equals the one a period later: rows[start..] repeats with this period.
            var start = rows.Count - period;
            while (start > 0 && rows[start - 1] == rows[start - 1 + period])
            {
                start--;
            }

            if (rows.Count - start >= FewestTurns * period && (best is null || start < best.Value.Start))
            {
                best = new RepeatingTail(start, period);
            }
        }

        return best;
    }
}
