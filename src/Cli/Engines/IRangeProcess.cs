namespace Interleave.Cli.Engines;

/// <summary>The engine process of one range of a test's schedules, as <see cref="RangeSplitEngine"/> waits on it.</summary>
internal interface IRangeProcess
{
    /// <summary>True once the process has ended, by itself or by <see cref="Stop"/>.</summary>
    bool HasExited { get; }

    /// <summary>True once <see cref="Stop"/> ended it: it has no result.</summary>
    bool Stopped { get; }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to end.</summary>
    void WaitForExit(TimeSpan timeout);

    /// <summary>Ends the process if it is still running.</summary>
    void Stop();
}
