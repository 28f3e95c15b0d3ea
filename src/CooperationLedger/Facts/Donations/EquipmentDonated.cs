namespace CooperationLedger.Facts;

/// <summary>A donor gave, or pledged to give, equipment to a recipient.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Donor">Who gives.</param>
/// <param name="Recipient">Who receives.</param>
/// <param name="Channel">The body the donor gives through, if the source names one (China's Ministry of Public Security).</param>
/// <param name="Items">What is given, as the source lists it.</param>
/// <param name="Value">What it is worth, as stated; <see langword="null"/> when the source gives no amount.</param>
/// <param name="Effective">When it is or was given.</param>
/// <param name="Stage">Pledged for a promise, realised for a delivery.</param>
/// <param name="Matter">The matter key shared with other reports of the same donation, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record EquipmentDonated(
    Guid FactId,
    string Key,
    Actor Donor,
    Actor Recipient,
    Actor? Channel,
    IReadOnlyList<string> Items,
    MoneyAmount? Value,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : IReportedFact;
