namespace CooperationLedger.Answers;

/// <summary>
/// Narrows donor totals. An actor is named as in every question of the ledger: by its key, name or alias (ignoring case
/// and Unicode form), or, for a country, by its ISO 3166 code; a country includes its agencies and people (every actor
/// whose country it is, and every actor of no country of its own that is a member of one of them), so that "Kyrgyzstan",
/// "kg" and "KG" all name the Kyrgyz GKNB's donations too, each line showing its actual donor and recipient.
/// </summary>
/// <param name="Donor">Only this donor.</param>
/// <param name="Recipient">Only this recipient.</param>
/// <param name="Currency">Only amounts in this ISO 4217 currency.</param>
public sealed record DonationFilter(string? Donor = null, string? Recipient = null, string? Currency = null)
{
    /// <summary>Gets the filter that keeps everything.</summary>
    public static DonationFilter None { get; } = new();

    /// <summary>Gets the period, document or outlet the donations are narrowed to before they are added up (<see cref="FactScope.All"/> by default).</summary>
    public FactScope Scope { get; init; } = FactScope.All;
}
