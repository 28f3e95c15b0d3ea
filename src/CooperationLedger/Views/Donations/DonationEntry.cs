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

    /// <summary>Gets the terms the donor is found by in SQL (see <see cref="ActorTerms"/>).</summary>
    public IReadOnlyList<string> DonorTerms { get; init; } = [];

    /// <summary>Gets the terms the recipient is found by in SQL.</summary>
    public IReadOnlyList<string> RecipientTerms { get; init; } = [];

    /// <summary>
    /// Gets every pairing of a donor term with a recipient term (see <see cref="ActorTerms.Pairs"/>), so that a question
    /// naming both finds that pair's entries in one index lookup instead of intersecting the donor's and the recipient's.
    /// </summary>
    public IReadOnlyList<string> PairTerms { get; init; } = [];

    public static DonationEntry? From(IReportedFact fact, Instant recordedAt) =>
        FactCatalog.KindOf(fact).DonationOf(fact) is { } parts
            ? Fill(Between(parts.Donor, parts.Recipient) with { Channel = parts.Channel, Description = parts.Description, Value = parts.Value }, fact, recordedAt)
            : null;

    private static DonationEntry Between(Actor donor, Actor recipient)
    {
        var (donorTerms, recipientTerms) = (ActorTerms.Of(donor), ActorTerms.Of(recipient));
        return new DonationEntry { Donor = donor, Recipient = recipient, DonorTerms = donorTerms, RecipientTerms = recipientTerms, PairTerms = ActorTerms.Pairs(donorTerms, recipientTerms) };
    }
}
