using System.Globalization;

namespace Interleave.Cli.Display;

/// <summary>How run times are written in tables and pages: "312 ms" under ten seconds, else "12.3 s".</summary>
internal static class DurationText
{
    internal static string Of(TimeSpan elapsed) =>
        elapsed.TotalSeconds < 10
            ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds:F0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:F1} s");
}
