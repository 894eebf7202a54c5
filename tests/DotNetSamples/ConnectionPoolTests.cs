using Microsoft.Coyote.SystematicTesting;

namespace Interleave.DotNetSamples;

/// <summary>
/// A pool of two connections: a <see cref="SemaphoreSlim"/> counts the free ones, a stack under a
/// <c>lock</c> holds them. Three clients each rent a connection, use it, and give it back.
/// </summary>
public static class ConnectionPoolTests
{
    /// <summary>
    /// Buggy: giving a connection back releases the semaphore before the connection is on the stack, so a
    /// client woken by the release can find the stack empty (<see cref="InvalidOperationException"/>).
    /// </summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task ReleaseBeforeReturn() => RentFromThreeClientsAsync(new ConnectionPool(releaseFirst: true));

    /// <summary>Correct: the connection is on the stack before the semaphore lets a waiting client in.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task ReturnBeforeRelease() => RentFromThreeClientsAsync(new ConnectionPool(releaseFirst: false));

    private static Task RentFromThreeClientsAsync(ConnectionPool pool) =>
        Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => UseAsync(pool))));

    private static async Task UseAsync(ConnectionPool pool)
    {
        var connection = await pool.RentAsync();
        await Task.Yield(); // the query
        pool.Return(connection);
    }

    private sealed class ConnectionPool(bool releaseFirst)
    {
        private readonly SemaphoreSlim _free = new(2, 2);
        private readonly Stack<int> _connections = new([1, 2]);

        public async Task<int> RentAsync()
        {
            await _free.WaitAsync();
            lock (_connections)
            {
                return _connections.Pop();
            }
        }

        public void Return(int connection)
        {
            if (releaseFirst)
            {
                _free.Release();
            }

            lock (_connections)
            {
                _connections.Push(connection);
            }

            if (!releaseFirst)
            {
                _free.Release();
            }
        }
    }
}
