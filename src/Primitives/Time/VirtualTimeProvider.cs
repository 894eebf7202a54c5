using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;
using Interleave.Primitives.NativeEngine;
using Microsoft.Coyote.Runtime;

namespace Interleave.Primitives.Time;

/// <summary>
/// Time for a test iteration under Coyote or the native engine: a clock that starts at 2000-01-01 and moves only when a timer
/// fires. Timers are fired, earliest first, by a controlled pump task, so the scheduler chooses when the
/// next timeout happens relative to the other tasks' steps (exploring both "in time" and "too late"),
/// a 10-minute wait takes no real time, and a replayed schedule fires every timer at the same step.
/// </summary>
/// <remarks>One instance per iteration: each Coyote iteration runs on its own runtime instance, each native one is its own.</remarks>
internal sealed class VirtualTimeProvider : TimeProvider
{
    private static readonly ConditionalWeakTable<ICoyoteRuntime, VirtualTimeProvider> PerIteration = new();
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Lock _sync = new();
    private readonly List<VirtualTimer> _pending = [];
    private TimeSpan _now;
    private long _sequence;
    private bool _pumping;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Virtual time elapsed since the iteration started.</summary>
    internal TimeSpan Elapsed
    {
        get
        {
            lock (_sync)
            {
                return _now;
            }
        }
    }

    /// <summary>The clock of the iteration the calling (controlled) code runs in.</summary>
    internal static VirtualTimeProvider ForCurrentIteration() =>
        NativeIteration.Current?.Time ?? PerIteration.GetValue(RuntimeProvider.Current, static _ => new VirtualTimeProvider());

    public override DateTimeOffset GetUtcNow() => Epoch + Elapsed;

    public override long GetTimestamp() => Elapsed.Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Arms <paramref name="timer"/> to fire <paramref name="dueTime"/> from now, starting the pump if idle.</summary>
    internal void Arm(VirtualTimer timer, TimeSpan dueTime)
    {
        bool startPump;
        lock (_sync)
        {
            timer.Due = _now + dueTime;
            timer.Sequence = _sequence++;
            if (!_pending.Contains(timer))
            {
                _pending.Add(timer);
            }

            startPump = !_pumping;
            _pumping = true;
        }

        if (startPump)
        {
            _ = Scheduling.Run(PumpAsync, CancellationToken.None);
        }
    }

    internal void Disarm(VirtualTimer timer)
    {
        lock (_sync)
        {
            _pending.Remove(timer);
        }
    }

    // Runs only while timers are pending, so an iteration whose tasks are all done can end, and one whose
    // tasks all wait on something other than time is reported as the deadlock it is.
    private async Task PumpAsync()
    {
        while (true)
        {
            // The scheduler decides how many other steps happen before the next timer. Under Coyote a
            // scheduling point of the pump's own operation: a yield would post the rest of the pump as a new
            // operation per timer, and Coyote scans every operation an iteration ever made at each step, so a
            // step cost more the longer the schedule ran (bench/RESULTS.md, "Cost of reaching a hang").
            if (NativeIteration.Current is null)
            {
                Scheduling.Point();
            }
            else
            {
                await Task.Yield();
            }
            VirtualTimer? next = null;
            lock (_sync)
            {
                foreach (var timer in _pending)
                {
                    if (next is null || timer.Due < next.Due || (timer.Due == next.Due && timer.Sequence < next.Sequence))
                    {
                        next = timer;
                    }
                }

                if (next is null)
                {
                    _pumping = false;
                    return;
                }

                _pending.Remove(next);
                if (next.Due > _now)
                {
                    _now = next.Due;
                }
            }

            next.Fire();
        }
    }
}
