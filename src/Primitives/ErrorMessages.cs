namespace Interleave.Primitives;

/// <summary>The text of every precondition failure, in one place so messages stay consistent.</summary>
internal static class ErrorMessages
{
    internal const string IterationEnded =
        "The test iteration ended while this task was still waiting.";

    internal static string ReleaseUnheldLock(string name) =>
        $"Cannot release {name}: it is not locked. Release only after a successful AcquireAsync, once per acquire.";

    internal static string SemaphoreFull(string name, int bound) =>
        $"Cannot release {name}: it would exceed its initial count of {bound}. A bounded semaphore must be released once per acquire.";

    internal static string ConditionLockNotHeld(string name, string operation) =>
        $"Cannot {operation} on {name}: its lock is not held. Acquire the condition (await condition.AcquireAsync()) first.";

    internal static string TooManyTaskDone(string name) =>
        $"TaskDone was called on {name} more times than items were put. Call TaskDone exactly once per item taken with GetAsync/TryGet.";

    internal const string NegativeCount = "The value must be zero or greater.";

    internal const string PartiesBelowOne = "A barrier needs at least one party.";

    internal const string NotifyNegative = "The number of waiters to notify must be zero or greater.";

    internal static string QueueShutDown(string name) =>
        $"{name} has been shut down: no more items can be put, and no more can be taken once it is empty.";

    internal static string BarrierBroken(string name) =>
        $"{name} is broken (aborted, reset, or a waiting party was cancelled). Call ResetAsync to use it again.";

    internal const string DefaultReleaser =
        "This Releaser was not obtained from AcquireAsync and releases nothing.";
}
