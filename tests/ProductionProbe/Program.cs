using System.Reflection;
using Interleave.Primitives;

// Stresses the lock and both semaphores on the real thread pool, then prints one line per check as
// "name=value" and exits 0 only if every check holds (1 otherwise), so a test can tell which one failed.
const int Tasks = 8;
const int OperationsPerTask = 20_000;
var failed = false;

void Check(string name, object value, bool holds)
{
    Console.WriteLine($"{name}={value}{(holds ? string.Empty : " (WRONG)")}");
    failed |= !holds;
}

static void RunOnThreadPool(Func<Task> body)
{
    var tasks = Enumerable.Range(0, Tasks).Select(_ => Task.Run(body)).ToArray();
    if (!Task.WaitAll(tasks, TimeSpan.FromSeconds(60)))
    {
        Console.WriteLine("hang=true (WRONG)");
        Environment.Exit(1);
    }
}

var gate = new AsyncLock();
var counter = 0;
RunOnThreadPool(async () =>
{
    for (var i = 0; i < OperationsPerTask; i++)
    {
        using (await gate.AcquireAsync())
        {
            counter++; // not atomic: only mutual exclusion keeps every increment
        }
    }
});
Check("lock.increments", counter, counter == Tasks * OperationsPerTask);
Check("lock.locked-at-end", gate.IsLocked, !gate.IsLocked);

foreach (var semaphore in new AsyncSemaphore[] { new(3), new AsyncBoundedSemaphore(3) })
{
    var inside = 0;
    var mostInside = 0;
    RunOnThreadPool(async () =>
    {
        for (var i = 0; i < OperationsPerTask; i++)
        {
            using (await semaphore.AcquireAsync())
            {
                var now = Interlocked.Increment(ref inside);
                for (var most = Volatile.Read(ref mostInside); now > most; most = Volatile.Read(ref mostInside))
                {
                    Interlocked.CompareExchange(ref mostInside, now, most);
                }

                Interlocked.Decrement(ref inside);
            }
        }
    });
    var kind = semaphore.GetType().Name;
    Check($"{kind}.most-inside", mostInside, mostInside is >= 1 and <= 3);
    Check($"{kind}.permits-at-end", semaphore.CurrentCount, semaphore.CurrentCount == 3);
}

// The point of running in a process of its own: the primitives never pulled in Coyote's testing engine, so
// their instrumentation stayed off and the loops above ran the production fast path.
var engineLoaded = AppDomain.CurrentDomain.GetAssemblies().Any(assembly => assembly.GetName().Name == "Microsoft.Coyote.Test");
Check("coyote-test-loaded", engineLoaded, !engineLoaded);
var hooks = typeof(AsyncLock).Assembly.GetType("Interleave.Primitives.Instrumentation.Hooks", throwOnError: true)!
    .GetProperty("Active", BindingFlags.NonPublic | BindingFlags.Static)!;
var hooksActive = (bool)hooks.GetValue(null)!;
Check("hooks-active", hooksActive, !hooksActive);
return failed ? 1 : 0;
