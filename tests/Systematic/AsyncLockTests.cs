namespace Interleave.Tests.Systematic;

public class AsyncLockTests
{
    [Fact]
    public void AsyncLock_Contended_WaitersServedInArrivalOrder() => Everywhere.Run(async () =>
    {
        var gate = new AsyncLock();
        var order = new List<int>();
        var held = await gate.AcquireAsync();
        var waiters = new List<Task>();
        for (var i = 0; i < 3; i++)
        {
            var id = i;
            waiters.Add(ControlledTask.Run(async () =>
            {
                using (await gate.AcquireAsync())
                {
                    order.Add(id);
                }
            }));
            await Everywhere.UntilAsync(() => gate.WaiterCount == id + 1);
        }

        held.Dispose();
        await Task.WhenAll(waiters);
        Assert.Equal([0, 1, 2], order);
        Assert.False(gate.IsLocked);
    });
}
