namespace Interleave.Tests.Systematic.Primitives;

public class AsyncBoundedSemaphoreTests : SemaphoreContractTests
{
    private protected override AsyncSemaphore Create(int initialCount) => new AsyncBoundedSemaphore(initialCount);

    [Fact]
    public void AsyncBoundedSemaphore_ReleasedAtInitialCount_ThrowsSemaphoreFullAndKeepsCount()
    {
        var semaphore = new AsyncBoundedSemaphore(2, "pool");

        var error = Assert.Throws<SemaphoreFullException>(() => semaphore.Release());

        Assert.Contains("pool", error.Message, StringComparison.Ordinal);
        Assert.Contains("initial count of 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, semaphore.CurrentCount);
    }

    [Fact]
    public void AsyncBoundedSemaphore_BoundZeroWithWaiter_ReleaseThrowsAndWaiterKeepsWaiting()
    {
        // No permit exists, so any release is one too many, even with a task waiting (asyncio raises too).
        var semaphore = new AsyncBoundedSemaphore(0);
        var waiter = semaphore.AcquireAsync();

        Assert.Throws<SemaphoreFullException>(() => semaphore.Release());

        Assert.False(waiter.IsCompleted);
        Assert.Equal(1, semaphore.WaiterCount);
        Assert.Equal(0, semaphore.CurrentCount);
    }

    [Fact]
    public async Task AsyncBoundedSemaphore_ReleasedMoreOftenThanAcquired_ThrowsOnTheExtraRelease()
    {
        var semaphore = new AsyncBoundedSemaphore(2);
        await semaphore.AcquireAsync();
        Assert.Equal(1, semaphore.CurrentCount);
        semaphore.Release();

        Assert.Throws<SemaphoreFullException>(() => semaphore.Release());

        Assert.Equal(2, semaphore.CurrentCount);
        Assert.Equal(0, semaphore.WaiterCount);
    }

    [Fact]
    public void AsyncBoundedSemaphore_DefaultName_NamesTheKind() =>
        Assert.StartsWith("AsyncBoundedSemaphore#", new AsyncBoundedSemaphore().Name, StringComparison.Ordinal);
}
