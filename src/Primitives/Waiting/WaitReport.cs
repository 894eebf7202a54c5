using System.Runtime.CompilerServices;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Primitives.Waiting;

/// <summary>
/// The reports of one waiting operation: which operation, called from which line. The primitive's name
/// is given to each report rather than kept here: a waiter's slow path takes it from the waiter's owner
/// (<see cref="IWaiterOwner{T}.Primitive"/>), so its state machine does not grow.
/// </summary>
/// <param name="operation">The operation.</param>
/// <param name="callerFile">The caller's file, as the compiler filled it in.</param>
/// <param name="callerLine">The caller's line.</param>
internal readonly struct WaitReport(PrimitiveOperation operation, string callerFile, int callerLine)
{
    internal PrimitiveOperation Operation { get; } = operation;

    internal string CallerFile { get; } = callerFile;

    internal int CallerLine { get; } = callerLine;

    /// <summary>The value the operation reports when it resumes after waiting (a barrier's arrival index); -1 for none.</summary>
    internal long ResumedValue { get; init; } = -1;

    /// <summary>
    /// Begins the operation as every waiting operation begins: a scheduling point, then, if
    /// <paramref name="cancellationToken"/> has fired, the report that it ended cancelled without waiting.
    /// </summary>
    /// <returns>True if the operation was cancelled before it began.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool CancelledAtStart(CancellationToken cancellationToken, in PrimitiveName primitive)
    {
        Scheduling.Point(primitive.Name);
        if (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        Send(primitive, OperationOutcome.Cancelled, -1);
        return true;
    }

    /// <summary>Reports the operation of <paramref name="primitive"/>, with <paramref name="outcome"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Send(in PrimitiveName primitive, OperationOutcome outcome, long value, TaskIdentity counterpart = default) =>
        PrimitiveEvents.Report(primitive, Operation, outcome, value, CallerFile, CallerLine, counterpart);
}
