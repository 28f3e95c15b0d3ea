namespace CooperationLedger.Facts;

/// <summary>A donor gave, or pledged, a grant of money or aid to a recipient.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Donor">Who gives.</param>
/// <param name="Recipient">Who receives.</param>
/// <param name="Purpose">What the grant is for, as the source says.</param>
/// <param name="Value">What it is worth, as stated; <see langword="null"/> when the source gives no amount.</param>
/// <param name="Effective">When it was given: a day, or a period for cumulative aid ("since its office opened").</param>
/// <param name="Stage">Pledged for a promise, realised for a grant given.</param>
/// <param name="Matter">The matter key shared with other reports of the same grant, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record GrantProvided(
    Guid FactId,
    string Key,
    Actor Donor,
    Actor Recipient,
    string Purpose,
    MoneyAmount? Value,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : IReportedFact;
