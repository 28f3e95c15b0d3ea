using CooperationLedger.Actors;
using CooperationLedger.Agreements;
using CooperationLedger.Claims;
using CooperationLedger.Donations;
using CooperationLedger.Facts;
using CooperationLedger.Money;
using CooperationLedger.Sources;
using CooperationLedger.Timeline;
using CooperationLedger.Time;
using Marten;

namespace CooperationLedger;

/// <content>The as-of queries. Each reads an indexed projection narrowed in SQL by the as-of bounds and by what it names,
/// applies the revisions known at that point in memory, then loads the citations of the facts its answer cites from
/// their events (by stream and version); no query replays events.</content>
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
        return await AnswerAsync<DonationEntry, DonorTotals>(
            asOf,
            filter is { Donor: not null, Recipient: not null } ? BoundsUse.CheckOnly : BoundsUse.Indexed,
            query => filter is { Donor: { } donor, Recipient: { } recipient }
                ? query.WithTermPair("pair_terms", donor, recipient)
                : query.WithTerm("donor_terms", filter.Donor).WithTerm("recipient_terms", filter.Recipient),
            (entries, citations) => DonorTotalsAnswer.From(entries, asOf, filter, citations),
            cancellationToken).ConfigureAwait(false);
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
        return await AnswerAsync<StatisticClaimEntry, ClaimedStatistics>(
            asOf,
            matter is null ? BoundsUse.Indexed : BoundsUse.CheckOnly,
            query =>
            {
                query = query.WithTerm("claimant_terms", filter.Claimant).WithTerm("subject_terms", filter.Subject);
                query = metric is null ? query : query.Where(entry => entry.MetricTerm == metric);
                return matter is null ? query : query.Where(entry => entry.Matter == matter);
            },
            (entries, citations) => ClaimedStatisticsAnswer.From(entries, asOf, filter, citations),
            cancellationToken).ConfigureAwait(false);
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
        return await AnswerAsync<AgreementEntry, IReadOnlyList<AgreementStatus>>(
            asOf,
            party is not null && otherParty is not null ? BoundsUse.CheckOnly : BoundsUse.Indexed,
            query => query.WithTerm("party_terms", party).WithTerm("party_terms", otherParty),
            (entries, citations) => AgreementsAnswer.From(entries, asOf, party, otherParty, citations),
            cancellationToken).ConfigureAwait(false);
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
        return await AnswerAsync<TimelineEntry, IReadOnlyList<TimelineItem>>(
            asOf,
            keys.Length == 2 ? BoundsUse.CheckOnly : BoundsUse.Indexed,
            query => keys.Aggregate(query, (q, key) => q.WithKey("actor_keys", key)),
            (entries, citations) => TimelineAnswer.From(entries, asOf, keys, citations),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the entries narrowed in SQL, loads the citations an answer from them can cite, and computes it. A question
    /// that names what finds few entries by itself (two actors, a matter) has its as-of bounds checked on those entries
    /// rather than looked up (<see cref="BoundsUse"/>).
    /// </summary>
    private async Task<TAnswer> AnswerAsync<TEntry, TAnswer>(
        AsOf asOf,
        BoundsUse bounds,
        Func<IQueryable<TEntry>, IQueryable<TEntry>> narrow,
        Func<IReadOnlyList<TEntry>, CitationLookup, TAnswer> answer,
        CancellationToken cancellationToken)
        where TEntry : LedgerEntry
    {
        if (!await sessions.Guard.CheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return answer([], CitationLookup.None);
        }

        await using var session = sessions.Query();
        var entries = await narrow(AsOfBounds.Apply(session.Query<TEntry>(), asOf, bounds)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var citations = await CitationLookup.LoadAsync(session, CitationLookup.Needed(entries, asOf), cancellationToken).ConfigureAwait(false);
        return answer(entries, citations);
    }
}
