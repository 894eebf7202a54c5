namespace Interleave.Primitives.Testing;

/// <summary>
/// Which deliberate defect the primitives run with: <see cref="Mutant.None"/> except while a test of the
/// property suite shows that it catches a mutant. Only Debug builds (<c>INTERLEAVE_MUTANTS</c>) can switch
/// one on; in a Release build <see cref="Is"/> is a constant false that the JIT removes with the defect.
/// </summary>
internal static class Mutation
{
#if INTERLEAVE_MUTANTS
    /// <summary>The defect switched on, for the whole process.</summary>
    internal static Mutant Active { get; set; }

    /// <summary>Whether <paramref name="mutant"/> is switched on.</summary>
    internal static bool Is(Mutant mutant) => Active == mutant;
#else
    /// <summary>Whether <paramref name="mutant"/> is switched on: never, in a build that ships.</summary>
    internal static bool Is(Mutant mutant) => false;
#endif
}
