using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.DotNetSamples;

/// <summary>
/// A server hands a port to a client through a <see cref="TaskCompletionSource"/>: the client awaits the
/// signal, then reads the port the server published.
/// </summary>
public static class HandshakeTests
{
    /// <summary>Buggy: the server signals first and publishes the port after, so the client can read none.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task SignalBeforePublish() => HandshakeAsync(new Server(signalFirst: true));

    /// <summary>Correct: the port is published before the signal.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task PublishBeforeSignal() => HandshakeAsync(new Server(signalFirst: false));

    private static Task HandshakeAsync(Server server) =>
        Task.WhenAll(Task.Run(server.Start), Task.Run(() => ConnectAsync(server)));

    private static async Task ConnectAsync(Server server)
    {
        await server.Ready;
        Specification.Assert(server.Port == Server.ListeningPort, $"The client read port {server.Port} after the server said it was ready.");
    }

    private sealed class Server(bool signalFirst)
    {
        public const int ListeningPort = 8080;

        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ready => _ready.Task;

        public int Port { get; private set; }

        public void Start()
        {
            if (signalFirst)
            {
                _ready.SetResult();
            }

            Port = ListeningPort;
            if (!signalFirst)
            {
                _ready.SetResult();
            }
        }
    }
}
