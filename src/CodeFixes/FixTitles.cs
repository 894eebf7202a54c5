namespace Interleave.Analyzers.CodeFixes;

/// <summary>The title of every code fix, in one place; each is also the fix's equivalence key, for Fix All.</summary>
internal static class FixTitles
{
    internal const string ControlledTaskRun = "Start the task with ControlledTask.Run";

    internal const string ControlledTaskDelay = "Wait with ControlledTask.Delay";

    internal const string TimeProvider = "Read the time from ControlledTask.TimeProvider";

    internal const string RemoveConfigureAwait = "Await without ConfigureAwait(false)";

    internal static string Semaphore(string primitive) => $"Use {primitive}";
}
