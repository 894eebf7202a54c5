namespace Interleave.Tests.Systematic.Rewriting;

/// <summary>Checks, inside a schedule, that misuse of a shimmed primitive is refused as .NET refuses it.</summary>
internal static class Misuse
{
    /// <summary>Whether <paramref name="action"/> throws <typeparamref name="TException"/>.</summary>
    internal static bool Throws<TException>(Action action)
        where TException : Exception
    {
        try
        {
            action();
            return false;
        }
        catch (TException)
        {
            return true;
        }
    }
}
