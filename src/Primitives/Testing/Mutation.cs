namespace Interleave.Primitives.Testing;

/// <summary>
/// Which deliberate defect the primitives run with: <see cref="Mutant.None"/> except while a test of the
/// property suite shows that it catches a mutant. One static field read per mutated path, which the
/// processor predicts every time in production.
/// </summary>
internal static class Mutation
{
    /// <summary>The defect switched on, for the whole process.</summary>
    internal static Mutant Active { get; set; }

    /// <summary>Whether <paramref name="mutant"/> is switched on.</summary>
    internal static bool Is(Mutant mutant) => Active == mutant;
}
