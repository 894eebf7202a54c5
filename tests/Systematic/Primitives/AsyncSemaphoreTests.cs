namespace Interleave.Tests.Systematic.Primitives;

public class AsyncSemaphoreTests : SemaphoreContractTests
{
    private protected override AsyncSemaphore Create(int initialCount) => new(initialCount);

    [Fact]
    public void AsyncSemaphore_ReleasedMoreThanAcquired_RaisesCurrentCount()
    {
        var semaphore = new AsyncSemaphore(1);

        semaphore.Release();
        semaphore.Release();

        Assert.Equal(3, semaphore.CurrentCount);
        Assert.False(semaphore.IsLocked);
    }

    [Fact]
    public void AsyncSemaphore_InitialCountZero_AcquireWaitsForRelease() => Everywhere.Run(async () =>
    {
        var semaphore = new AsyncSemaphore(0);
        var acquired = 0;
        var checkedAfterRelease = false;
        var waiter = ControlledTask.Run(async () =>
        {
            using (await semaphore.AcquireAsync())
            {
                Volatile.Write(ref acquired, 1);
                await Everywhere.UntilAsync(() => Volatile.Read(ref checkedAfterRelease));
            }
        });
        await Everywhere.UntilAsync(() => semaphore.WaiterCount == 1);
        Assert.Equal(0, Volatile.Read(ref acquired));

        semaphore.Release();
        Assert.Equal(0, semaphore.CurrentCount);
        Assert.Equal(0, semaphore.WaiterCount);
        Volatile.Write(ref checkedAfterRelease, true);
        await waiter;
        Assert.Equal(1, acquired);
        Assert.Equal(1, semaphore.CurrentCount);
    });

    [Fact]
    public void AsyncSemaphore_DefaultName_NamesTheKind() =>
        Assert.StartsWith("AsyncSemaphore#", new AsyncSemaphore().Name, StringComparison.Ordinal);
}
