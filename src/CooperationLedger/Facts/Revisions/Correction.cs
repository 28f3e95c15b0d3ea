namespace CooperationLedger.Facts;

/// <summary>What a correction changes in the fact it corrects; each field left <see langword="null"/> stays as it was.</summary>
/// <param name="Value">A corrected amount, for a donation or grant.</param>
/// <param name="StatisticValue">A corrected number, for a claimed statistic.</param>
/// <param name="Effective">A corrected effective date.</param>
/// <param name="Stage">A corrected stage (a pledge found to be delivered).</param>
public sealed record Correction(MoneyAmount? Value, decimal? StatisticValue, ReportedDate? Effective, Stage? Stage)
{
    /// <summary>Gets a value indicating whether the correction changes nothing.</summary>
    public bool IsEmpty => Value is null && StatisticValue is null && Effective is null && Stage is null;
}
