using CooperationLedger.Actors;
using CooperationLedger.Facts;
using CooperationLedger.Money;
using NodaTime;

namespace CooperationLedger.Donations;

/// <summary>A donation or grant as projected for donor totals: who gave what to whom, worth how much, at what stage.</summary>
internal sealed record DonationEntry : LedgerEntry
{
    public Actor Donor { get; init; } = null!;

    public Actor Recipient { get; init; } = null!;

    public Actor? Channel { get; init; }

    public string Description { get; init; } = string.Empty;

    public MoneyAmount? Value { get; init; }

    /// <summary>Gets the terms the donor is found by in SQL (see <see cref="ActorTerms"/>).</summary>
    public IReadOnlyList<string> DonorTerms { get; init; } = [];

    /// <summary>Gets the terms the recipient is found by in SQL.</summary>
    public IReadOnlyList<string> RecipientTerms { get; init; } = [];

    public static DonationEntry? From(IReportedFact fact, Instant recordedAt) => fact switch
    {
        EquipmentDonated donated => Fill(
            new DonationEntry { Donor = donated.Donor, Recipient = donated.Recipient, Channel = donated.Channel, Description = string.Join(", ", donated.Items), Value = donated.Value, DonorTerms = ActorTerms.Of(donated.Donor), RecipientTerms = ActorTerms.Of(donated.Recipient) },
            fact,
            recordedAt),
        GrantProvided grant => Fill(
            new DonationEntry { Donor = grant.Donor, Recipient = grant.Recipient, Description = grant.Purpose, Value = grant.Value, DonorTerms = ActorTerms.Of(grant.Donor), RecipientTerms = ActorTerms.Of(grant.Recipient) },
            fact,
            recordedAt),
        _ => null,
    };
}
