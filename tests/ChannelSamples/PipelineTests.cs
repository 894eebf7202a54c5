using System.Threading.Channels;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace Interleave.ChannelSamples;

/// <summary>A producer writes three readings into a channel and completes it; a consumer sums what it reads.</summary>
public static class PipelineTests
{
    /// <summary>Correct: the consumer reads every reading, in any interleaving.</summary>
    /// <returns>The test.</returns>
    [Test]
    public static Task ConsumerSumsEveryReading()
    {
        var readings = Channel.CreateUnbounded<int>();
        return Task.WhenAll(Task.Run(() => ProduceAsync(readings.Writer)), Task.Run(() => ConsumeAsync(readings.Reader)));
    }

    private static async Task ProduceAsync(ChannelWriter<int> writer)
    {
        for (var reading = 1; reading <= 3; reading++)
        {
            await writer.WriteAsync(reading);
        }

        writer.Complete();
    }

    private static async Task ConsumeAsync(ChannelReader<int> reader)
    {
        var sum = 0;
        await foreach (var reading in reader.ReadAllAsync())
        {
            sum += reading;
        }

        Specification.Assert(sum == 6, $"The consumer summed {sum}, not 6.");
    }
}
