using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>A statistic exactly as claimed, as of a point: who claims it, about whom, for which period against which baseline.</summary>
/// <param name="FactId">The claim's fact id.</param>
/// <param name="Key">The claim's key.</param>
/// <param name="Claimant">Who claims it; <see langword="null"/> for an unattributed claim, the outlet's own statement.</param>
/// <param name="Subject">Whose results it describes.</param>
/// <param name="Metric">What is measured.</param>
/// <param name="Measure">The number as of the point (corrected, when a correction was known by then).</param>
/// <param name="OriginalMeasure">The number as first claimed, when a correction changed it; else <see langword="null"/>.</param>
/// <param name="Period">The period it covers; <see langword="null"/> when the source states none.</param>
/// <param name="Baseline">The period it is compared with.</param>
/// <param name="Effective">When it was claimed.</param>
/// <param name="Standing">Asserted, corrected or disputed, as of the point.</param>
/// <param name="Matter">The matter key it shares with other claims on the same statistic, if any.</param>
/// <param name="Sources">Every event the answer is derived from, with its citation.</param>
public sealed record ClaimedStatistic(
    Guid FactId,
    string Key,
    Actor? Claimant,
    Actor Subject,
    string Metric,
    StatisticMeasure Measure,
    StatisticMeasure? OriginalMeasure,
    ReportedDate? Period,
    ReportedDate? Baseline,
    ReportedDate Effective,
    Standing Standing,
    string? Matter,
    IReadOnlyList<SourceReference> Sources)
{
    /// <summary>
    /// Gets the keys of the claims that corroborate this one as of the point: another document stating the same figure
    /// in the same normalised unit on its matter, or a <c>same_as</c> report whose figure agrees; <see langword="null"/>
    /// for none. <see cref="Ledger.AuditAsync(string, CancellationToken)"/> shows each with its citation.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? CorroboratedBy { get; init; }
}
