using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.DotNetSamples;

/// <summary>
/// A service loads its settings on a thread of its own and opens a <see cref="ManualResetEventSlim"/> gate;
/// two clients wait at the gate, then read the settings.
/// </summary>
public static class StartGateTests
{
    /// <summary>Buggy: the gate opens before the settings are loaded, so a client can read none.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task GateOpensBeforeLoading() => StartAsync(new Service(openFirst: true));

    /// <summary>Correct: the settings are loaded before the gate opens.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task GateOpensAfterLoading() => StartAsync(new Service(openFirst: false));

    private static Task StartAsync(Service service) =>
        Task.WhenAll(Task.Run(service.Start), Task.Run(service.Serve), Task.Run(service.Serve));

    private sealed class Service(bool openFirst)
    {
        private readonly ManualResetEventSlim _started = new(false);
        private string? _settings;

        public void Start()
        {
            if (openFirst)
            {
                _started.Set();
            }

            _settings = "port=8080";
            if (!openFirst)
            {
                _started.Set();
            }
        }

        public void Serve()
        {
            _started.Wait();
            Specification.Assert(_settings is not null, "A client read the settings before they were loaded.");
        }
    }
}
