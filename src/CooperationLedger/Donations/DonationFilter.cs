namespace CooperationLedger.Donations;

/// <summary>Narrows donor totals. An actor is matched by key, name, alias or ISO country code, ignoring case.</summary>
/// <param name="Donor">Only this donor.</param>
/// <param name="Recipient">Only this recipient.</param>
/// <param name="Currency">Only amounts in this ISO 4217 currency.</param>
public sealed record DonationFilter(string? Donor = null, string? Recipient = null, string? Currency = null)
{
    /// <summary>Gets the filter that keeps everything.</summary>
    public static DonationFilter None { get; } = new();
}
