namespace Interleave.Tests.Property.Shrinking;

/// <summary>The one change a <see cref="NeighbourSchedule"/> makes to the schedule it starts from.</summary>
internal enum NeighbourChange
{
    /// <summary>None: the schedule itself, to learn where it preempts.</summary>
    None,

    /// <summary>At the changed step, the task that was preempted goes on instead.</summary>
    UndoPreemption,

    /// <summary>From the changed step on, the task chosen there is not chosen again while another can run.</summary>
    LeaveTaskOut,
}
