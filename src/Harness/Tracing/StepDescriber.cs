using Interleave.Primitives.Instrumentation;

namespace Interleave.Harness.Tracing;

/// <summary>Puts one primitive event into words: "acquire lock 'account'" and "waits (held by Alice)".</summary>
internal static class StepDescriber
{
    internal static string Primitive(in PrimitiveEvent e) => $"{e.PrimitiveKind.Noun()} '{e.PrimitiveName}'";

    internal static string Action(in PrimitiveEvent e) => e.Operation switch
    {
        PrimitiveOperation.Spawn => $"start task {e.Counterpart.Name}",
        PrimitiveOperation.Finish => "finish",
        PrimitiveOperation.Yield => "yield",
        PrimitiveOperation.Delay => $"sleep {FormatMilliseconds(e.Value)}",
        PrimitiveOperation.Acquire => $"acquire {Primitive(e)}",
        PrimitiveOperation.Release => $"release {Primitive(e)}",
        PrimitiveOperation.Set => $"set {Primitive(e)}",
        PrimitiveOperation.Clear => $"clear {Primitive(e)}",
        PrimitiveOperation.Wait => $"wait on {Primitive(e)}",
        PrimitiveOperation.Notify => $"notify {Primitive(e)}",
        PrimitiveOperation.Reset => $"reset {Primitive(e)}",
        PrimitiveOperation.Abort => $"abort {Primitive(e)}",
        PrimitiveOperation.Put => $"put into {Primitive(e)}",
        PrimitiveOperation.Get => $"get from {Primitive(e)}",
        PrimitiveOperation.TaskDone => $"task done on {Primitive(e)}",
        PrimitiveOperation.Join when e.PrimitiveKind == PrimitiveKind.ControlledTask => $"join task {e.Counterpart.Name}",
        PrimitiveOperation.Join => $"join {Primitive(e)}",
        PrimitiveOperation.Shutdown => $"shut down {Primitive(e)}",
        PrimitiveOperation.Read => $"read {Primitive(e)}",
        PrimitiveOperation.Write => $"write {Primitive(e)}",
        PrimitiveOperation.Lookup => $"look into {Primitive(e)}",
        PrimitiveOperation.Update when e.PrimitiveKind.Family() == PrimitiveFamily.AtomicMemory => $"call {e.PrimitiveName}",
        PrimitiveOperation.Update => $"update {Primitive(e)}",
        _ => $"{e.Operation} {Primitive(e)}",
    };

    internal static string Outcome(in PrimitiveEvent e)
    {
        var other = e.Counterpart.Id >= 0 ? e.Counterpart.Name : null;
        return (e.Operation, e.Outcome) switch
        {
            (PrimitiveOperation.Spawn or PrimitiveOperation.Yield, _) => "done",
            (PrimitiveOperation.Finish, OperationOutcome.Failed) => "fails with an exception",
            (PrimitiveOperation.Finish, _) => "done",
            (PrimitiveOperation.Delay, OperationOutcome.Blocked) => "sleeps",
            (PrimitiveOperation.Delay, OperationOutcome.Resumed) => "wakes",
            (PrimitiveOperation.Acquire, OperationOutcome.Completed) => "acquired",
            (PrimitiveOperation.Acquire, OperationOutcome.Resumed) => "acquired after waiting",
            (_, OperationOutcome.Blocked) => other is null ? "waits" : $"waits (held by {other})",
            (PrimitiveOperation.Release, OperationOutcome.Completed) => other is null ? "released" : $"released, hands over to {other}",
            (PrimitiveOperation.Notify, OperationOutcome.Completed) => $"woke {e.Value}",
            (PrimitiveOperation.Set, OperationOutcome.Completed) => e.Value > 0 ? $"set, woke {e.Value}" : "set",
            (PrimitiveOperation.Lookup, OperationOutcome.Completed) => "found",
            (PrimitiveOperation.Lookup, OperationOutcome.Refused) => "not found",
            (PrimitiveOperation.Update, OperationOutcome.Completed) when e.PrimitiveKind.Family() == PrimitiveFamily.AtomicMemory => "done",
            (PrimitiveOperation.Update, OperationOutcome.Completed) => e.Value == 1 ? "done (1 entry)" : $"done ({e.Value} entries)",
            (PrimitiveOperation.Update, OperationOutcome.Refused) => "refused (the key forbade it)",
            (PrimitiveOperation.Put, OperationOutcome.Completed) => other is null ? $"done ({e.Value} queued)" : $"handed to {other}",
            (PrimitiveOperation.Get, OperationOutcome.Completed) => other is null ? $"got an item ({e.Value} left)" : $"got an item, admits {other}'s put",
            (PrimitiveOperation.Get, OperationOutcome.Resumed) => "got an item after waiting",
            (PrimitiveOperation.Wait, OperationOutcome.Completed) when e.PrimitiveKind.Family() == PrimitiveFamily.Barrier => $"passes as #{e.Value}",
            (PrimitiveOperation.Wait, OperationOutcome.Resumed) when e.PrimitiveKind.Family() == PrimitiveFamily.Barrier => $"released as #{e.Value}",
            (_, OperationOutcome.Resumed) => "resumes",
            (_, OperationOutcome.Cancelled) => other is null ? "cancelled" : $"cancelled, passes it on to {other}",
            (_, OperationOutcome.Failed) => "fails",
            (PrimitiveOperation.Put, OperationOutcome.Refused) => "refused (full)",
            (PrimitiveOperation.Get, OperationOutcome.Refused) => "refused (empty)",
            (PrimitiveOperation.Set, OperationOutcome.Refused) => "refused (completed already)",
            (PrimitiveOperation.Wait, OperationOutcome.Refused) => "refused (not set)",
            _ => "done",
        };
    }

    internal static string Source(in PrimitiveEvent e) =>
        e.CallerLine > 0 ? $"{Path.GetFileName(e.CallerFile)}:{e.CallerLine}" : string.Empty;

    /// <summary>" (at File.cs:12)" for a sentence about the step, or nothing when its source is unknown.</summary>
    internal static string At(in PrimitiveEvent e) =>
        Source(e) is { Length: > 0 } source ? $" (at {source})" : string.Empty;

    private static string FormatMilliseconds(long milliseconds) =>
        milliseconds % 1000 == 0 ? $"{milliseconds / 1000} s" : $"{milliseconds} ms";
}
