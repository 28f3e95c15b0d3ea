namespace CooperationLedger.Facts;

/// <summary>One party conferred an award on another's people.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Conferrer">Who gives the award.</param>
/// <param name="Recipient">Whose people receive it.</param>
/// <param name="Award">What the award is ("medals").</param>
/// <param name="Recipients">How many people received it, if the source says.</param>
/// <param name="Reason">What it was for, as the source says.</param>
/// <param name="Effective">When.</param>
/// <param name="Stage">Realised.</param>
/// <param name="Matter">The matter key shared with other reports of the same award, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record AwardConferred(
    Guid FactId,
    string Key,
    Actor Conferrer,
    Actor Recipient,
    string Award,
    int? Recipients,
    string? Reason,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : IReportedFact;
