namespace Interleave.Cli;

/// <summary>
/// The user asked for something that cannot be done (a missing file, an unknown method or strategy); the
/// command prints the message as one line and exits with <see cref="ExitCode.UsageError"/>.
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException()
        : base("The command line is not valid.")
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
