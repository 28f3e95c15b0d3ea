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
        var resolved = Admitted(resolutions, filter, actors)
            .Select(r => (Resolution: r, Entry: (DonationEntry)r.Entry, Value: r.CorrectedValue ?? ((DonationEntry)r.Entry).Value))
            .ToArray();
        var disputes = DisputeFinder.Find(resolved.Select(d => (d.Resolution, d.Value?.ToString(), d.Value?.Comparison)), citations);
        var disputed = disputes.SelectMany(dispute => dispute.Versions).Select(version => version.FactId).ToHashSet();
        var uncounted = Uncounted.Among(resolved.Select(d => (LedgerEntry)d.Entry).ToArray());
        resolved = resolved.Where(d => !uncounted.Contains(d.Entry.Id)).ToArray();
        var stated = resolved.Where(d => d.Value is not null && !disputed.Contains(d.Entry.Id)).ToArray();
        var totals = stated
            .GroupBy(d => (Donor: d.Entry.Donor.Id, Recipient: d.Entry.Recipient.Id, d.Value!.Currency))
            .Select(group => Total(group.Select(d => (d.Resolution, d.Value!)).ToArray(), citations))
            .OrderBy(total => total.Donor.Name, StringComparer.Ordinal)
            .ThenBy(total => total.Recipient.Name, StringComparer.Ordinal)
            .ThenBy(total => total.Currency.Code, StringComparer.Ordinal)
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
                d.Entry.Expected))
            .OrderBy(donation => donation.Donor.Name, StringComparer.Ordinal)
            .ThenBy(donation => donation.Recipient.Name, StringComparer.Ordinal)
            .ThenBy(donation => donation.Key, StringComparer.Ordinal)
            .ToArray();
        return new DonorTotals(asOf, totals, unstated, disputes);
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

    private static DonorTotal Total((AsOfResolution Resolution, MoneyAmount Value)[] donations, CitationLookup citations)
    {
        var first = (DonationEntry)donations[0].Resolution.Entry;
        AmountTotal Sum(Stage stage) => donations
            .Where(d => d.Resolution.Stage == stage)
            .Aggregate(AmountTotal.Zero, (total, d) => total.Add(d.Value));
        var ordered = donations.OrderBy(d => d.Resolution.Entry.Key, StringComparer.Ordinal).ToArray();
        return new DonorTotal(
            first.Donor,
            first.Recipient,
            donations[0].Value.Currency,
            Sum(Stage.Pledged),
            Sum(Stage.Committed),
            Sum(Stage.Realised),
            Sum(Stage.Expected),
            donations.Length,
            ordered.SelectMany(d => d.Value.StatedEquivalents.Select(equivalent => new StatedEquivalent(d.Resolution.Entry.Id, d.Value, equivalent))).ToArray(),
            ordered.SelectMany(d => d.Resolution.Sources(citations)).ToArray())
        {
            Due = ordered.Where(d => d.Resolution.Entry.Expected is not null).Select(d => new PromiseDue(d.Resolution.Entry.Id, d.Resolution.Entry.Key, d.Resolution.Entry.Expected!)).ToArray() is { Length: > 0 } due ? due : null,
        };
    }
}
