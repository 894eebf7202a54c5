namespace Interleave.Primitives.Instrumentation;

/// <summary>
/// Receives every operation of every primitive while installed in <see cref="PrimitiveObservers.Current"/>.
/// The harness builds traces, wait-for graphs and happens-before clocks on it.
/// </summary>
/// <remarks>
/// Called on the thread of the task that performed the operation, after the primitive's state changed and
/// outside its internal lock, before the task's next scheduling point: under Coyote the calls arrive in
/// the exact order of the schedule. Implementations must be fast and must not block or throw.
/// </remarks>
public interface IPrimitiveObserver
{
    /// <summary>Called once for each operation (and once more when a waiting operation resumes or is cancelled).</summary>
    /// <param name="operationEvent">What happened.</param>
    void OnEvent(in PrimitiveEvent operationEvent);
}
