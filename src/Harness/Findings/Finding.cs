namespace Interleave.Harness.Findings;

/// <summary>
/// What made a schedule fail, as data: the verdict is the finding's type, never read back from its words.
/// The account, the HTML report and the command line's JSON summary are all drawn from it.
/// </summary>
/// <remarks>
/// The harness's own detectors produce <see cref="DataRaceFinding"/> and <see cref="AtomicityViolationFinding"/>;
/// the failures Coyote finds itself (assertions, exceptions, deadlocks, hangs) are read from its report in one
/// place and become <see cref="CoyoteFinding"/>s.
/// </remarks>
public abstract record Finding
{
    private protected Finding(string message) => Message = message;

    /// <summary>The verdict this finding stands for.</summary>
    public abstract Verdict Verdict { get; }

    /// <summary>The finding in words: the report's message and the last line of the account.</summary>
    public string Message { get; init; }

    /// <summary>The primitives and cells involved, as accounts name them: <c>shared 'balance'</c>, <c>lock 'a'</c>.</summary>
    public virtual IReadOnlyList<string> Primitives => [];

    /// <summary>The steps of the failing schedule the finding involves, in schedule order.</summary>
    public virtual IReadOnlyList<FindingStep> Steps => [];
}
