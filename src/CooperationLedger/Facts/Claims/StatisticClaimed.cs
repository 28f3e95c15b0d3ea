namespace CooperationLedger.Facts;

/// <summary>Someone claimed a statistic: a metric's level or change over a period, against a baseline period.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Claimant">Who makes the claim (Bolotbek Nogoybayev, director of the Drug Control Agency).</param>
/// <param name="Subject">Whose results the statistic describes (the Drug Control Agency).</param>
/// <param name="Metric">What is measured ("narcotics seized").</param>
/// <param name="Measure">The number, exactly as claimed.</param>
/// <param name="Period">The period the statistic covers (January to September 2006).</param>
/// <param name="Baseline">The period it is compared with, for a change (January to September 2005).</param>
/// <param name="Effective">When the claim was made.</param>
/// <param name="Stage">Reported.</param>
/// <param name="Matter">The matter key shared with other claims about the same statistic, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record StatisticClaimed(
    Guid FactId,
    string Key,
    Actor Claimant,
    Actor Subject,
    string Metric,
    StatisticMeasure Measure,
    ReportedDate Period,
    ReportedDate? Baseline,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : IReportedFact;
