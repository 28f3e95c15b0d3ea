namespace CooperationLedger.Facts;

/// <summary>Parties met, or one visited another, or such a meeting was scheduled.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Kind">What kind of encounter it was.</param>
/// <param name="Participants">Who took part, at least two.</param>
/// <param name="Place">Where, if the source says.</param>
/// <param name="Subjects">What was discussed.</param>
/// <param name="Effective">When.</param>
/// <param name="Stage">Realised when held; pledged when agreed or scheduled for later.</param>
/// <param name="Matter">The matter key shared with other reports of the same meeting, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record MeetingHeld(
    Guid FactId,
    string Key,
    MeetingKind Kind,
    IReadOnlyList<Actor> Participants,
    string? Place,
    IReadOnlyList<string> Subjects,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : IReportedFact;
