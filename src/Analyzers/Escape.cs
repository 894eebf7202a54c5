using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Interleave.Analyzers;

/// <summary>A call found to escape the scheduler: the rule it breaks and the words its message fills in.</summary>
internal readonly struct Escape
{
    internal Escape(DiagnosticDescriptor rule, params string[] arguments)
        : this(rule, ImmutableDictionary<string, string?>.Empty, arguments)
    {
    }

    private Escape(DiagnosticDescriptor rule, ImmutableDictionary<string, string?> properties, string[] arguments)
    {
        Rule = rule;
        Properties = properties;
        Arguments = arguments;
    }

    internal DiagnosticDescriptor Rule { get; }

    /// <summary>What the code fix reads (<see cref="Rules.ReplacementProperty"/>).</summary>
    internal ImmutableDictionary<string, string?> Properties { get; }

    internal string[] Arguments { get; }

    /// <summary>A read of the system clock, whose message and code fix name <paramref name="replacement"/>.</summary>
    internal static Escape Clock(string read, string replacement) =>
        new(Rules.SystemClock, ImmutableDictionary<string, string?>.Empty.Add(Rules.ReplacementProperty, replacement), [read, replacement]);
}
