using System.Diagnostics;
using Interleave.Cli.Runs;

namespace Interleave.Cli.Engines;

/// <summary>
/// One engine process (<c>interleave engine</c>) as its parent sees it: a job goes in on its input, progress
/// and the result come back on its output (<see cref="EngineProtocol"/>), one job at a time.
/// </summary>
internal sealed class EngineProcess
{
    private readonly Process _process;
    private readonly ProcessErrors _errors;
    private readonly int _number;

    private EngineProcess(Process process, int number)
    {
        _process = process;
        _errors = new ProcessErrors(process);
        _number = number;
    }

    /// <summary>Starts an engine process on the tests of <paramref name="assemblyPath"/> (null: the built-in scenarios).</summary>
    /// <param name="assemblyPath">The run's assembly, as the user named it.</param>
    /// <param name="number">The process's number among its run's, from 1, for messages.</param>
    /// <param name="processor">The processor to pin it to, by index among its siblings; null for an unpinned process with the runtime's defaults.</param>
    /// <exception cref="InvalidOperationException">The process could not be started.</exception>
    internal static EngineProcess Start(string? assemblyPath, int number, int? processor)
    {
        string[] arguments = assemblyPath is null ? ["engine"] : ["engine", Path.GetFullPath(assemblyPath)];
        return new EngineProcess(HarnessProcess.Start(arguments, processor, redirectInput: true), number);
    }

    /// <summary>Has the process explore <paramref name="job"/> and waits for its result.</summary>
    /// <param name="job">The job.</param>
    /// <param name="testName">The test's name, for messages.</param>
    /// <param name="progress">Told the schedules the process reports; null for none.</param>
    /// <exception cref="InvalidOperationException">The process ended without a result: it failed, or was killed.</exception>
    internal TestResult Run(EngineJob job, string testName, IProgress<int>? progress)
    {
        try
        {
            _process.StandardInput.WriteLine(EngineProtocol.JobLine(job));
            _process.StandardInput.Flush();
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                if (EngineProtocol.ParseProgress(line) is { } schedules)
                {
                    progress?.Report(schedules);
                }
                else if (EngineProtocol.ParseResult(line) is { } result)
                {
                    return result;
                }
            }
        }
        catch (IOException)
        {
            // Its input closed under the write: it has ended, and says why below.
        }

        _process.WaitForExit();
        var errors = _errors.ToString();
        throw new InvalidOperationException(
            $"Engine process {_number} failed with exit code {_process.ExitCode} while exploring {testName}{(errors.Length == 0 ? "." : ":" + Environment.NewLine + errors)}");
    }

    /// <summary>Ends the process by closing its input, or kills it if it does not end within ten seconds.</summary>
    internal void Finish()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                Kill();
            }
        }
        catch (IOException)
        {
            // It had ended already.
        }
    }

    /// <summary>Kills the process and waits for it to end.</summary>
    internal void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It had ended already.
        }
    }
}
