namespace Interleave.Cli.Commands;

/// <summary>How much <c>interleave test</c> prints (<c>--verbosity</c>, Coyote's names).</summary>
internal enum Verbosity
{
    /// <summary>Only the closing line (and errors).</summary>
    Quiet,

    /// <summary>The heading, the table and the closing line.</summary>
    Minimal,

    /// <summary>Also the account of every bug and the line that replays it (the default).</summary>
    Normal,
}
