namespace CooperationLedger.Answers;

/// <summary>
/// Narrows claimed statistics. Actors are named as in every question: by key, name, alias or ISO country code, where a
/// country includes its agencies and people (see <see cref="DonationFilter"/>).
/// </summary>
/// <param name="Metric">Only this metric, ignoring case.</param>
/// <param name="Claimant">Only claims made by this actor; <c>unattributed</c> for the outlet's own statements, which name no
/// claimant.</param>
/// <param name="Subject">Only statistics about this actor.</param>
/// <param name="Matter">Only claims about this matter (the key that groups the claims sources make about one figure), exactly.</param>
public sealed record ClaimFilter(string? Metric = null, string? Claimant = null, string? Subject = null, string? Matter = null)
{
    /// <summary>Gets the filter that keeps everything.</summary>
    public static ClaimFilter None { get; } = new();

    /// <summary>Gets the period, document or outlet the claims are narrowed to (<see cref="FactScope.All"/> by default).</summary>
    public FactScope Scope { get; init; } = FactScope.All;

    /// <summary>Gets whether the filter asks for the outlet's own statements, which name no claimant.</summary>
    internal bool Unattributed => string.Equals(Claimant, Facts.StatisticClaimed.Unattributed, StringComparison.OrdinalIgnoreCase);
}
