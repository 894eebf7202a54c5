using System.Diagnostics;

namespace Interleave.Cli.Engines;

/// <summary>
/// An engine process's standard error, drained as it comes (so a chatty child never blocks on a full pipe)
/// and kept for the message if the process fails.
/// </summary>
internal sealed class ProcessErrors
{
    private readonly List<string> _lines = [];

    /// <summary>Starts draining <paramref name="process"/>'s redirected standard error.</summary>
    internal ProcessErrors(Process process)
    {
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (_lines)
                {
                    _lines.Add(line.Data);
                }
            }
        };
        process.BeginErrorReadLine();
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }
}
