namespace Interleave.Scenarios;

/// <summary>Every built-in scenario, in the order of the seed tutorial.</summary>
public static class ScenarioCatalog
{
    /// <summary>The scenarios, each correct program beside its buggy twin.</summary>
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("bank.unprotected-withdraw", "Two withdrawals check the balance, await, then subtract: both pass the check.",
            BankScenarios.UnprotectedWithdraw, IsBuggy: true),
        new("bank.safe-withdraw", "The same withdrawals under one lock: exactly one succeeds.",
            BankScenarios.SafeWithdraw, IsBuggy: false),
        new("counter.unprotected", "Three workers read a counter, await, and write it plus one with no lock: an increment is lost.",
            CounterScenarios.UnprotectedIncrement, IsBuggy: true),
        new("counter.locked", "The same workers increment under one lock: the counter ends at three.",
            CounterScenarios.LockedIncrement, IsBuggy: false),
        new("download-pool.permit-returned-early", "Eight downloads behind a semaphore of three, each returning its permit before downloading: more than three at once.",
            DownloadPoolScenarios.PermitReturnedBeforeDownload, IsBuggy: true),
        new("download-pool.permit-held", "Eight downloads behind a semaphore of three, each holding its permit while downloading: never more than three.",
            DownloadPoolScenarios.PermitHeldForDownload, IsBuggy: false),
        new("kitchen.ingredients-only", "The chef waits for the ingredients event only: cooking may start in a cold oven.",
            KitchenScenarios.CookAfterIngredientsOnly, IsBuggy: true),
        new("kitchen.both-events", "The chef waits for the ingredients and the oven events: both are ready when cooking starts.",
            KitchenScenarios.CookAfterBothEvents, IsBuggy: false),
        new("buffer.if-guarded-wait", "A bounded buffer on a condition re-checks with if: a woken consumer finds the buffer empty.",
            BoundedBufferScenarios.IfGuardedWait, IsBuggy: true),
        new("buffer.while-guarded-wait", "The bounded buffer re-checks with while after every wake-up: no consumer takes from an empty buffer.",
            BoundedBufferScenarios.WhileGuardedWait, IsBuggy: false),
        new("pipeline.done-before-processing", "Consumers mark a job done before processing it: join returns before every result is recorded.",
            PipelineScenarios.TaskDoneBeforeProcessing, IsBuggy: true),
        new("pipeline.done-after-processing", "Consumers mark a job done after recording it: after join every job was processed exactly once.",
            PipelineScenarios.TaskDoneAfterProcessing, IsBuggy: false),
        new("timeout.stop-at-first-timeout", "A consumer gets with a timeout and stops at the first timeout: items produced later are never consumed.",
            TimeoutScenarios.StopAtFirstTimeout, IsBuggy: true),
        new("timeout.stop-at-shutdown", "After a timeout the consumer keeps waiting until the producer shuts the queue down: no item is lost.",
            TimeoutScenarios.StopAtShutdown, IsBuggy: false),
        new("priority.concurrent-submitters", "Two submitters race a worker on a priority queue: the low job can be taken before the urgent one arrives.",
            PriorityTaskScenarios.UrgentFirstAcrossConcurrentSubmitters, IsBuggy: true),
        new("priority.queued-before-workers", "All jobs are queued before the workers start: they are taken urgent, medium, low.",
            PriorityTaskScenarios.UrgentFirstWhenQueuedBeforeWorkers, IsBuggy: false),
        new("scraper.stats-without-lock", "A rate-limited scraper counts completed URLs across an await without its stats lock: a count is lost.",
            ScraperScenarios.StatsUpdatedWithoutLock, IsBuggy: true),
        new("scraper.stats-under-lock", "The scraper counts completed URLs under its stats lock: the count equals the number of URLs.",
            ScraperScenarios.StatsUpdatedUnderLock, IsBuggy: false),
        new("manual-acquire.no-finally", "An upload takes a lock by hand and throws before releasing it: the next uploader waits forever.",
            ManualAcquireScenarios.ReleaseWithoutFinally, IsBuggy: true),
        new("manual-acquire.finally", "The upload releases the lock in a finally block: the next uploader gets it even after a failure.",
            ManualAcquireScenarios.ReleaseInFinally, IsBuggy: false),
        new("locks.opposite-order", "Two tasks take two locks in opposite orders: each holds one and waits for the other.",
            LockOrderingScenarios.OppositeOrder, IsBuggy: true),
        new("locks.consistent-order", "Both tasks take the locks in the same order: no deadlock.",
            LockOrderingScenarios.ConsistentOrder, IsBuggy: false),
    ];
}
