namespace Interleave.Primitives.Instrumentation;

/// <summary>
/// The seam between the primitives and whoever watches them. Null in production, where reporting costs
/// one predictable branch per operation.
/// </summary>
public static class PrimitiveObservers
{
    private static volatile IPrimitiveObserver? _current;

    /// <summary>The observer every primitive reports to, or null (the default) for none.</summary>
    public static IPrimitiveObserver? Current
    {
        get => _current;
        set
        {
            _current = value;
            Hooks.Refresh();
        }
    }
}
