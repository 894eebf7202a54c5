using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Scenarios;

/// <summary>
/// The seed's download pool: eight files download behind a semaphore of three connections, so at most
/// three download at once, as long as each file holds its permit for the whole download.
/// </summary>
public static class DownloadPoolScenarios
{
    private const int Files = 8;
    private const int Connections = 3;

    /// <summary>Buggy: the permit's scope ends after connecting, so the file downloads without holding it.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task PermitReturnedBeforeDownload() => RunPoolAsync(holdPermitWhileDownloading: false);

    /// <summary>Correct: each file holds its permit until its download has finished.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task PermitHeldForDownload() => RunPoolAsync(holdPermitWhileDownloading: true);

    private static async Task RunPoolAsync(bool holdPermitWhileDownloading)
    {
        var pool = new AsyncSemaphore(Connections, "connection_pool");
        var downloads = new Downloads();
        await Task.WhenAll(Enumerable.Range(0, Files).Select(file =>
            ControlledTask.Run(
                () => holdPermitWhileDownloading
                    ? DownloadHoldingPermitAsync(pool, downloads, file)
                    : DownloadAfterReturningPermitAsync(pool, downloads, file),
                $"File-{file}")));

        Specification.Assert(downloads.Completed == Files, $"Only {downloads.Completed} of {Files} files finished downloading.");
    }

    private static async Task DownloadHoldingPermitAsync(AsyncSemaphore pool, Downloads downloads, int file)
    {
        using (await pool.AcquireAsync())
        {
            await downloads.DownloadAsync(file);
        }
    }

    private static async Task DownloadAfterReturningPermitAsync(AsyncSemaphore pool, Downloads downloads, int file)
    {
        using (await pool.AcquireAsync())
        {
            await ControlledTask.Yield(); // open the connection
        }

        // Bug: the permit is already back in the pool while the file downloads.
        await downloads.DownloadAsync(file);
    }

    private sealed class Downloads
    {
        private int _active;

        public int Completed { get; private set; }

        public async Task DownloadAsync(int file)
        {
            _active++;
            Specification.Assert(
                _active <= Connections,
                $"File {file} started downloading while {_active - 1} other files were downloading: the pool allows only {Connections} at once.");
            await ControlledTask.Yield(); // the download
            _active--;
            Completed++;
        }
    }
}
