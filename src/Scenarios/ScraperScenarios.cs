using Interleave.Primitives;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Scenarios;

/// <summary>
/// The seed's rate-limited web scraper: URLs in a queue, workers that take them with a timeout, a
/// semaphore limiting concurrent requests, a lock spacing requests by the rate limit, a completion event,
/// and a completed-count guarded by a stats lock. Fetching is simulated; time is virtual under test.
/// </summary>
public static class ScraperScenarios
{
    private static readonly string[] Urls = ["https://example.test/a", "https://example.test/b", "https://example.test/c"];

    /// <summary>Buggy: the completed count is read, awaited across and written without the stats lock.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task StatsUpdatedWithoutLock() => new Scraper(statsUnderLock: false).ScrapeAllAsync(Urls, workers: 2);

    /// <summary>Correct: the completed count is updated under the stats lock.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task StatsUpdatedUnderLock() => new Scraper(statsUnderLock: true).ScrapeAllAsync(Urls, workers: 2);

    private sealed class Scraper(bool statsUnderLock)
    {
        private static readonly TimeSpan RateLimit = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan GetTimeout = TimeSpan.FromSeconds(1);
        private readonly AsyncSemaphore _semaphore = new(2, "request_semaphore");
        private readonly AsyncLock _rateLock = new("rate_lock");
        private readonly AsyncEvent _complete = new("complete_event");
        private readonly AsyncQueue<string> _urls = new(name: "url_queue");
        private readonly AsyncLock _statsLock = new("stats_lock");
        private readonly Shared<DateTimeOffset> _lastRequest = new(DateTimeOffset.MinValue, "last_request");
        private readonly Shared<int> _completed = new(0, "completed");

        public async Task ScrapeAllAsync(string[] urls, int workers)
        {
            foreach (var url in urls)
            {
                await _urls.PutAsync(url);
            }

            await Task.WhenAll(Enumerable.Range(1, workers).Select(worker => ControlledTask.Run(WorkerAsync, $"Worker-{worker}")));
            await _urls.JoinAsync();
            _complete.Set();

            Specification.Assert(
                _completed.Read() == urls.Length,
                $"{urls.Length} URLs were scraped but the stats count {_completed.Read()}: an update of the completed count was lost.");
        }

        private async Task WorkerAsync()
        {
            while (!_complete.IsSet)
            {
                string url;
                using (var timeout = new CancellationTokenSource(GetTimeout, ControlledTask.TimeProvider))
                {
                    try
                    {
                        url = await _urls.GetAsync(timeout.Token);
                    }
                    catch (OperationCanceledException) when (_urls.TryGet(out var late))
                    {
                        // Timed out although a URL is queued (the clock jumped before the get): take it now. Retrying
                        // with another timeout could repeat forever in a schedule that keeps firing the timer first.
                        url = late;
                    }
                    catch (OperationCanceledException)
                    {
                        return; // no more URLs
                    }
                }

                await ScrapeAsync(url);
                _urls.TaskDone();
            }
        }

        private async Task ScrapeAsync(string url)
        {
            using (await _semaphore.AcquireAsync())
            {
                using (await _rateLock.AcquireAsync())
                {
                    var clock = ControlledTask.TimeProvider;
                    var sinceLast = clock.GetUtcNow() - _lastRequest.Read();
                    if (sinceLast < RateLimit)
                    {
                        await ControlledTask.Delay(RateLimit - sinceLast);
                    }

                    _lastRequest.Write(clock.GetUtcNow());
                }

                await FetchAsync(url);

                if (statsUnderLock)
                {
                    using (await _statsLock.AcquireAsync())
                    {
                        await CountCompletedAsync();
                    }
                }
                else
                {
                    await CountCompletedAsync(); // Bug: read and write of the count are split by an await, unguarded.
                }
            }
        }

        private static async Task<string> FetchAsync(string url)
        {
            await ControlledTask.Yield(); // the request
            return $"<html>{url}</html>";
        }

        private async Task CountCompletedAsync()
        {
            var completed = _completed.Read();
            await ControlledTask.Yield(); // e.g. logging the progress
            _completed.Write(completed + 1);
        }
    }
}
