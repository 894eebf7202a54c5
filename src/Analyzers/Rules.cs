using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Interleave.Analyzers;

/// <summary>
/// Every diagnostic of the analyzers, in one place: its ID, its title, its message (what escapes the scheduler
/// and what to use instead) and its page in docs/ANALYZERS.md.
/// </summary>
internal static class Rules
{
    internal const string Category = "Interleave.Scheduling";

    // The repository's docs page, one anchor per ID; relative because the repository has no published address.
    private const string DocsPage = "docs/ANALYZERS.md#";

    /// <summary>The name of the diagnostic property that holds the replacement expression, for the code fix.</summary>
    internal const string ReplacementProperty = "Replacement";

    internal static readonly DiagnosticDescriptor TaskRun = Create(
        "ILV0001",
        "Task started outside the scheduler",
        "'{0}' runs its delegate on the thread pool, outside the scheduler; start the task with ControlledTask.Run");

    internal static readonly DiagnosticDescriptor TaskDelay = Create(
        "ILV0002",
        "Delay on the system clock",
        "Task.Delay waits on the system clock, outside the scheduler; use ControlledTask.Delay, which waits on ControlledTask.TimeProvider");

    internal static readonly DiagnosticDescriptor NewThread = Create(
        "ILV0003",
        "Thread started outside the scheduler",
        "new Thread runs code on a thread the scheduler does not see; start a task with ControlledTask.Run");

    internal static readonly DiagnosticDescriptor ThreadSleep = Create(
        "ILV0004",
        "Thread blocked on the system clock",
        "Thread.Sleep blocks the thread the scheduler runs tasks on; use await ControlledTask.Delay");

    internal static readonly DiagnosticDescriptor SemaphoreSlim = Create(
        "ILV0005",
        "Semaphore the scheduler cannot see",
        "SemaphoreSlim makes tasks wait where the scheduler cannot see them; use AsyncSemaphore (AcquireAsync, Release)");

    internal static readonly DiagnosticDescriptor TaskCompletionSource = Create(
        "ILV0006",
        "Task completed outside the scheduler",
        "A task awaited on a TaskCompletionSource is a wait the scheduler cannot see; use AsyncEvent for a signal, or AsyncQueue to hand over a value");

    internal static readonly DiagnosticDescriptor ConfigureAwaitFalse = Create(
        "ILV0007",
        "Continuation resumed outside the scheduler",
        "ConfigureAwait(false) resumes the continuation on the thread pool, outside the scheduler; await without it");

    internal static readonly DiagnosticDescriptor BlockingWait = Create(
        "ILV0008",
        "Thread blocked on a task",
        "'{0}' blocks the thread until the task finishes, a wait the scheduler cannot see; use await");

    internal static readonly DiagnosticDescriptor ThreadingTimer = Create(
        "ILV0009",
        "Timer on the system clock",
        "System.Threading.Timer fires on the system clock, outside the scheduler; use ControlledTask.TimeProvider.CreateTimer");

    internal static readonly DiagnosticDescriptor SystemClock = Create(
        "ILV0010",
        "System clock read",
        "'{0}' reads the system clock, which the scheduler does not control; use {1}");

    internal static ImmutableArray<DiagnosticDescriptor> All { get; } =
    [
        TaskRun, TaskDelay, NewThread, ThreadSleep, SemaphoreSlim, TaskCompletionSource, ConfigureAwaitFalse, BlockingWait, ThreadingTimer, SystemClock,
    ];

    /// <summary>
    /// The rules whose calls <c>coyote rewrite</c> and Interleave's shims bring under the scheduler, silent in a
    /// project whose build rewrites its assembly (<c>&lt;InterleaveRewrite&gt;true&lt;/InterleaveRewrite&gt;</c>):
    /// Coyote's rewriting controls neither timers nor the clock.
    /// </summary>
    internal static ImmutableHashSet<string> ControlledByRewriting { get; } =
        ImmutableHashSet.Create(TaskRun.Id, TaskDelay.Id, NewThread.Id, ThreadSleep.Id, SemaphoreSlim.Id, TaskCompletionSource.Id, ConfigureAwaitFalse.Id, BlockingWait.Id);

    private static DiagnosticDescriptor Create(string id, string title, string message) =>
        new(
            id,
            title,
            message,
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Code that uses the Interleave primitives runs under Coyote's scheduler in tests; a call that escapes it makes the test uncontrolled, so its schedules are neither explored nor replayed.",
            helpLinkUri: DocsPage + id.ToLowerInvariant());
}
