namespace Interleave.Primitives.Time;

/// <summary>A timer on a <see cref="VirtualTimeProvider"/>: fired by its pump, never by a real clock.</summary>
internal sealed class VirtualTimer(VirtualTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    internal TimeSpan Due { get; set; }

    internal long Sequence { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        _period = period;
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            clock.Disarm(this);
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
            clock.Arm(this, dueTime);
        }

        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        clock.Disarm(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs the callback on the pump's (controlled) thread, and re-arms a periodic timer.</summary>
    internal void Fire()
    {
        if (_disposed)
        {
            return;
        }

        if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
        {
            clock.Arm(this, _period);
        }

        callback(state);
    }
}
