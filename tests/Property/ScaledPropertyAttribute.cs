using FsCheck.Xunit;

namespace Interleave.Tests.Property;

/// <summary>
/// An FsCheck property whose number of generated cases is the CI budget given here times the
/// <c>INTERLEAVE_PROPERTY_SCALE</c> environment variable (default 1): the long run is the same suite with,
/// say, <c>INTERLEAVE_PROPERTY_SCALE=20</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScaledPropertyAttribute : PropertyAttribute
{
    /// <summary>Runs <paramref name="ciTests"/> cases per property in CI, times the scale.</summary>
    /// <param name="ciTests">The cases one CI run generates.</param>
    public ScaledPropertyAttribute(int ciTests) => MaxTest = ciTests * PropertyScale.Factor;
}
