namespace CooperationLedger.Facts;

/// <summary>Parties agreed to cooperate, on the areas listed, from the effective date.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Parties">The parties, at least two.</param>
/// <param name="Areas">The areas of cooperation, as the source lists them.</param>
/// <param name="Title">The agreement's name, where the source gives one.</param>
/// <param name="Effective">When it was agreed; it is in effect from then.</param>
/// <param name="Stage">Realised when signed or agreed; pledged when only announced for the future.</param>
/// <param name="Matter">The matter key shared with other reports of the same agreement, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record AgreementSigned(
    Guid FactId,
    string Key,
    IReadOnlyList<Actor> Parties,
    IReadOnlyList<string> Areas,
    string? Title,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : IReportedFact;
