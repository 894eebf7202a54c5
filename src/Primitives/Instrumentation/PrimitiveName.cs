namespace Interleave.Primitives.Instrumentation;

/// <summary>
/// The kind and readable name of one primitive instance: the name given to its constructor, or the
/// type name and a number counted per type ("AsyncLock#3"), per iteration under test.
/// </summary>
internal readonly struct PrimitiveName
{
    internal PrimitiveName(PrimitiveKind kind, string? name, ref int counter)
    {
        Kind = kind;
        Name = name ?? $"{kind}#{IterationCounters.Next(kind, ref counter)}";
    }

    /// <summary>A name that is not numbered, e.g. for the tasks themselves.</summary>
    internal PrimitiveName(PrimitiveKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    internal PrimitiveKind Kind { get; }

    internal string Name { get; }

    public override string ToString() => Name;
}
