using Interleave.Primitives;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.Scenarios;

/// <summary>
/// The seed's pitfall of manual lock management: acquire, do work that throws, release. Without a
/// <c>finally</c> the release is skipped, the lock stays held forever, and the next task to want it waits
/// forever.
/// </summary>
public static class ManualAcquireScenarios
{
    /// <summary>Buggy: release is the statement after the work, so a failing upload leaves the lock held.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task ReleaseWithoutFinally() => RunAsync(releaseInFinally: false);

    /// <summary>Correct: release is in a <c>finally</c>, so the lock is released even when the upload fails.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task ReleaseInFinally() => RunAsync(releaseInFinally: true);

    private static async Task RunAsync(bool releaseInFinally)
    {
        var gate = new AsyncLock("upload_lock");
        var failing = ControlledTask.Run(
            async () =>
            {
                try
                {
                    await UploadAsync(gate, releaseInFinally, fail: true);
                }
                catch (InvalidOperationException)
                {
                    // The caller handles the failed upload and carries on.
                }
            },
            "Uploader-1");
        var healthy = ControlledTask.Run(() => UploadAsync(gate, releaseInFinally, fail: false), "Uploader-2");

        // No assertion: the property is that both uploads finish. When Uploader-1 takes the lock first in the
        // buggy version, Uploader-2 waits forever and the explorer reports a deadlock.
        await Task.WhenAll(failing, healthy);
    }

    private static async Task UploadAsync(AsyncLock gate, bool releaseInFinally, bool fail)
    {
        await gate.AcquireAsync();
        if (releaseInFinally)
        {
            try
            {
                await SendAsync(fail);
            }
            finally
            {
                gate.Release();
            }
        }
        else
        {
            await SendAsync(fail);
            gate.Release(); // Bug: skipped when SendAsync throws.
        }
    }

    private static async Task SendAsync(bool fail)
    {
        await ControlledTask.Yield(); // the upload
        if (fail)
        {
            throw new InvalidOperationException("The upload failed.");
        }
    }
}
