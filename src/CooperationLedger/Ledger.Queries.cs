using CooperationLedger.Actors;
using CooperationLedger.Agreements;
using CooperationLedger.Claims;
using CooperationLedger.Donations;
using CooperationLedger.Facts;
using CooperationLedger.Money;
using CooperationLedger.Timeline;
using CooperationLedger.Time;
using Marten;

namespace CooperationLedger;

/// <content>The as-of queries. Each reads an indexed projection narrowed in SQL by the as-of bounds, then applies the
/// revisions known at that point in memory; no query replays events.</content>
public sealed partial class Ledger
{
    /// <summary>Gets donor totals as of a point: by donor, recipient and currency, pledged, committed and realised apart.</summary>
    /// <param name="asOf">The point on the three time axes; <see cref="AsOf.Now"/> for everything.</param>
    /// <param name="filter">Narrows by donor, recipient or currency.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The totals, with the disputed donations apart.</returns>
    public async Task<DonorTotals> GetDonorTotalsAsync(AsOf asOf, DonationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        filter ??= DonationFilter.None;
        var entries = await LoadAsync<DonationEntry>(asOf, cancellationToken, query => query.WithTerm("donor_terms", filter.Donor).WithTerm("recipient_terms", filter.Recipient)).ConfigureAwait(false);
        return DonorTotalsAnswer.From(entries, asOf, filter);
    }

    /// <summary>Gets claimed statistics as of a point, exactly as claimed, side by side where sources disagree.</summary>
    /// <param name="asOf">The point on the three time axes.</param>
    /// <param name="filter">Narrows by metric, claimant or subject.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The claims and the disputes among them.</returns>
    public async Task<ClaimedStatistics> GetClaimedStatisticsAsync(AsOf asOf, ClaimFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        filter ??= ClaimFilter.None;
        var metric = filter.Metric is null ? null : ActorTerms.For(filter.Metric);
        var matter = filter.Matter;
        var entries = await LoadAsync<StatisticClaimEntry>(asOf, cancellationToken, query =>
        {
            query = query.WithTerm("claimant_terms", filter.Claimant).WithTerm("subject_terms", filter.Subject);
            query = metric is null ? query : query.Where(entry => entry.MetricTerm == metric);
            return matter is null ? query : query.Where(entry => entry.Matter == matter);
        }).ConfigureAwait(false);
        return ClaimedStatisticsAnswer.From(entries, asOf, filter);
    }

    /// <summary>Gets the agreements known as of a point, each saying whether it was in effect then.</summary>
    /// <param name="asOf">The point on the three time axes.</param>
    /// <param name="party">Only agreements with this party (key, name, alias or ISO country code).</param>
    /// <param name="otherParty">Only agreements with this party as well, for the agreements between two parties.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The agreements, by effective date.</returns>
    public async Task<IReadOnlyList<AgreementStatus>> GetAgreementsAsync(AsOf asOf, string? party = null, string? otherParty = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        var entries = await LoadAsync<AgreementEntry>(asOf, cancellationToken, query => query.WithTerm("party_terms", party).WithTerm("party_terms", otherParty)).ConfigureAwait(false);
        return AgreementsAnswer.From(entries, asOf, party, otherParty);
    }

    /// <summary>Gets every fact involving an actor, or two actors together, in order of effective date.</summary>
    /// <param name="asOf">The point on the three time axes.</param>
    /// <param name="actor">An actor's key or ISO country code (<c>kg-gknb</c>, <c>KG</c>).</param>
    /// <param name="otherActor">A second actor's key or country code, for the facts between the two.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The timeline.</returns>
    public async Task<IReadOnlyList<TimelineItem>> GetTimelineAsync(AsOf asOf, string? actor = null, string? otherActor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        var keys = new[] { actor, otherActor }.OfType<string>().Select(key => key.ToLowerInvariant()).ToArray();
        var entries = await LoadAsync<TimelineEntry>(asOf, cancellationToken, query => keys.Aggregate(query, (q, key) => q.Where(e => e.ActorKeys.Contains(key)))).ConfigureAwait(false);
        return TimelineAnswer.From(entries, asOf, keys);
    }

    private async Task<IReadOnlyList<TEntry>> LoadAsync<TEntry>(AsOf asOf, CancellationToken cancellationToken, Func<IQueryable<TEntry>, IQueryable<TEntry>>? narrow = null)
        where TEntry : LedgerEntry
    {
        await using var session = sessions.Query();
        var query = AsOfBounds.Apply(session.Query<TEntry>(), asOf);
        if (narrow is not null)
        {
            query = narrow(query);
        }

        return await query.ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
