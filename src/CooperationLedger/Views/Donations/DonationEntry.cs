using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using NodaTime;

namespace CooperationLedger.Views;

/// <summary>A donation or grant as projected for donor totals: who gave what to whom, worth how much, at what stage.</summary>
internal sealed record DonationEntry : LedgerEntry
{
    public Actor Donor { get; init; } = null!;

    public Actor Recipient { get; init; } = null!;

    public Actor? Channel { get; init; }

    public string Description { get; init; } = string.Empty;

    public MoneyAmount? Value { get; init; }

    public static DonationEntry? From(IReportedFact fact, Instant recordedAt) =>
        FactCatalog.KindOf(fact).DonationOf(fact) is { } parts
            ? Fill(new DonationEntry { Donor = parts.Donor, Recipient = parts.Recipient, Channel = parts.Channel, Description = parts.Description, Value = parts.Value }, fact, recordedAt)
            : null;
}
