namespace CooperationLedger.Facts;

/// <summary>Someone claimed the results of operations: counts of people killed, arrested, detained, extradited.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="By">Who carried out the operations.</param>
/// <param name="Counts">The counts, each with its outcome, subject and breakdown.</param>
/// <param name="Period">The period the results cover, if the source says.</param>
/// <param name="Effective">When the claim was made.</param>
/// <param name="Stage">Reported.</param>
/// <param name="Matter">The matter key shared with other claims about the same results, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record OperationResultsClaimed(
    Guid FactId,
    string Key,
    IReadOnlyList<Actor> By,
    IReadOnlyList<OutcomeCount> Counts,
    ReportedDate? Period,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : IReportedFact;
