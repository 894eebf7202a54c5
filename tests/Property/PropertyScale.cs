namespace Interleave.Tests.Property;

/// <summary>
/// How much longer than CI a property run is: <c>INTERLEAVE_PROPERTY_SCALE</c> (a positive integer, default 1)
/// multiplies generated cases and explored schedules.
/// </summary>
public static class PropertyScale
{
    /// <summary>The multiplier; a missing or invalid variable means 1.</summary>
    public static int Factor { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("INTERLEAVE_PROPERTY_SCALE"), out var factor) && factor > 0 ? factor : 1;
}
