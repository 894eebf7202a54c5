using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>
/// A switch away from a task that could have gone on, as the native engine tells it: the scheduler stopped
/// <paramref name="Task"/> at a point and ran another operation first, before the schedule's event numbered
/// <paramref name="BeforeEvent"/> (its index) was recorded.
/// </summary>
/// <param name="BeforeEvent">The index of the first event recorded after the switch.</param>
/// <param name="Task">The task that could have gone on.</param>
internal readonly record struct Preemption(int BeforeEvent, TaskIdentity Task);
