using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;

namespace CooperationLedger.Views;

/// <summary>Computes donor totals as of a point from donation entries, however they were obtained (projection or replay).</summary>
internal static class DonorTotalsAnswer
{
    /// <summary>Resolves <paramref name="entries"/> at <paramref name="asOf"/> and computes the totals from them.</summary>
    public static DonorTotals From(IEnumerable<DonationEntry> entries, AsOf asOf, DonationFilter filter, ActorDirectory actors, CitationLookup citations) =>
        FromResolved(AsOfResolution.ResolveAll(entries, asOf), asOf, filter, actors, citations);

    /// <param name="resolutions">The donation entries as resolved at <paramref name="asOf"/>.</param>
    /// <param name="asOf">The as-of point.</param>
    /// <param name="filter">What the question names.</param>
    /// <param name="actors">What the ledger knows of the actors the filter names.</param>
    /// <param name="citations">The citations of the facts and revisions the answer cites.</param>
    public static DonorTotals FromResolved(IEnumerable<AsOfResolution> resolutions, AsOf asOf, DonationFilter filter, ActorDirectory actors, CitationLookup citations)
    {
        var counted = Count(Admitted(resolutions, filter, actors), citations);
        var totals = counted.Stated
            .GroupBy(d => (Donor: d.Entry.Donor.Id, Recipient: d.Entry.Recipient.Id, d.Value.Currency.Code))
            .Select(group => Line(group, (group.Key.Donor, group.Key.Recipient, group.Key.Code), citations).Build())
            .OrderBy(total => total.Donor.Name, StringComparer.Ordinal)
            .ThenBy(total => total.Recipient.Name, StringComparer.Ordinal)
            .ThenBy(total => total.Currency.Code, StringComparer.Ordinal)
            .ToArray();
        return new DonorTotals(asOf, totals, counted.Unstated, counted.Disputes);
    }

    /// <summary>
    /// Sorts resolved donations as an answer counts them: the disputed apart (each dispute with its versions), those a
    /// link says are counted elsewhere left out, those of a stated amount to be summed, and those of none listed.
    /// </summary>
    public static CountedDonations Count(IEnumerable<AsOfResolution> resolutions, CitationLookup citations)
    {
        var resolved = resolutions
            .Select(r => (Resolution: r, Entry: (DonationEntry)r.Entry, Value: r.CorrectedValue ?? ((DonationEntry)r.Entry).Value))
            .ToArray();
        var disputes = DisputeFinder.Find(resolved.Select(d => (d.Resolution, d.Value?.ToString(), d.Value?.Comparison)), citations);
        var disputed = disputes.SelectMany(dispute => dispute.Versions).Select(version => version.FactId).ToHashSet();
        var uncounted = Uncounted.Among(resolved.Select(d => (LedgerEntry)d.Entry).ToArray());
        resolved = resolved.Where(d => !uncounted.Contains(d.Entry.Id)).ToArray();
        var stated = resolved
            .Where(d => d.Value is not null && !disputed.Contains(d.Entry.Id))
            .Select(d => new StatedDonation(d.Resolution, d.Entry, d.Value!))
            .ToArray();
        var unstated = resolved
            .Where(d => d.Value is null)
            .Select(d => new DonationWithoutAmount(
                d.Entry.Id,
                d.Entry.Key,
                d.Entry.Type,
                d.Entry.Donor,
                d.Entry.Recipient,
                d.Entry.Channel,
                d.Entry.Description,
                d.Resolution.Effective,
                d.Resolution.Stage,
                d.Resolution.Standing,
                d.Resolution.Sources(citations),
                d.Entry.Expected));
        return new CountedDonations(stated, InOrder(unstated), disputes);
    }

    /// <summary>Orders donations of no stated amount as an answer lists them: by donor, recipient and key.</summary>
    public static DonationWithoutAmount[] InOrder(IEnumerable<DonationWithoutAmount> donations) =>
        donations
            .OrderBy(donation => donation.Donor.Name, StringComparer.Ordinal)
            .ThenBy(donation => donation.Recipient.Name, StringComparer.Ordinal)
            .ThenBy(donation => donation.Key, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// Starts the line of <paramref name="line"/> with resolved donations of it; with <paramref name="citations"/>, each
    /// with its sources, and with <see cref="CitationLookup.None"/>, with none (the sources listed apart).
    /// </summary>
    public static DonorTotalBuilder Line(IEnumerable<StatedDonation> donations, (string DonorId, string RecipientId, string Currency) line, CitationLookup? citations)
    {
        var builder = new DonorTotalBuilder(line.DonorId, line.RecipientId, line.Currency);
        foreach (var d in donations)
        {
            builder.Name(d.Entry.Key, d.Entry.Donor, d.Entry.Recipient);
            builder.Add(d.Entry.Id, d.Entry.Key, d.Resolution.Stage, d.Value.Amount, d.Value.Approximation, d.Value.UpperBound, d.Value, d.Entry.Expected, citations is null ? null : d.Resolution.Sources(citations));
        }

        return builder;
    }

    /// <summary>
    /// Gets the donations the filter admits: by the donor and recipient it names (a country with its agencies and
    /// people) and by the currency of their amount as of the point. The answer cites these alone, so a question loads the
    /// citations of these alone.
    /// </summary>
    public static IEnumerable<AsOfResolution> Admitted(IEnumerable<AsOfResolution> resolutions, DonationFilter filter, ActorDirectory actors)
    {
        var (donor, recipient) = (actors.Select(filter.Donor), actors.Select(filter.Recipient));
        return resolutions.Where(r => r.Entry is DonationEntry entry
            && ActorSelection.Admits(donor, entry.Donor) && ActorSelection.Admits(recipient, entry.Recipient)
            && (filter.Currency is null || string.Equals((r.CorrectedValue ?? entry.Value)?.Currency.Code, filter.Currency, StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>A donation of a stated amount, resolved at a point, to be summed.</summary>
/// <param name="Resolution">How it is resolved at the point.</param>
/// <param name="Entry">Its entry.</param>
/// <param name="Value">Its amount at the point, corrected or as reported.</param>
internal sealed record StatedDonation(AsOfResolution Resolution, DonationEntry Entry, MoneyAmount Value);

/// <summary>Resolved donations as an answer counts them (<see cref="DonorTotalsAnswer.Count"/>).</summary>
/// <param name="Stated">Those of a stated amount, to be summed.</param>
/// <param name="Unstated">Those of no stated amount, listed, by donor, recipient and key.</param>
/// <param name="Disputes">The disputes among them, by matter.</param>
internal sealed record CountedDonations(IReadOnlyList<StatedDonation> Stated, IReadOnlyList<DonationWithoutAmount> Unstated, IReadOnlyList<Dispute> Disputes);
