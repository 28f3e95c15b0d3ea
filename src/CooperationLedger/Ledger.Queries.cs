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
        var resolved = (await ResolveAsync<DonationEntry>(asOf, cancellationToken).ConfigureAwait(false))
            .Where(r => ActorMatch.Matches(Entry<DonationEntry>(r).Donor, filter.Donor) && ActorMatch.Matches(Entry<DonationEntry>(r).Recipient, filter.Recipient))
            .Select(r => (Resolution: r, Value: r.CorrectedValue ?? Entry<DonationEntry>(r).Value))
            .Where(d => filter.Currency is null || string.Equals(d.Value?.Currency.Code, filter.Currency, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var disputes = DisputeFinder.Find(resolved.Select(d => (d.Resolution, d.Value?.ToString())));
        var disputed = disputes.SelectMany(dispute => dispute.Versions).Select(version => version.FactId).ToHashSet();
        var totals = resolved
            .Where(d => !disputed.Contains(d.Resolution.Entry.Id))
            .GroupBy(d => (Entry<DonationEntry>(d.Resolution).Donor.Id, Entry<DonationEntry>(d.Resolution).Recipient.Id, d.Value?.Currency))
            .Select(group => Total(group.ToArray()))
            .OrderBy(total => total.Donor.Name, StringComparer.Ordinal)
            .ThenBy(total => total.Recipient.Name, StringComparer.Ordinal)
            .ThenBy(total => total.Currency?.Code, StringComparer.Ordinal)
            .ToArray();
        return new DonorTotals(asOf, totals, disputes);
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
        var resolved = (await ResolveAsync<StatisticClaimEntry>(asOf, cancellationToken).ConfigureAwait(false))
            .Select(r => (Resolution: r, Claim: Entry<StatisticClaimEntry>(r).Claim))
            .Where(c => (filter.Metric is null || string.Equals(c.Claim.Metric, filter.Metric, StringComparison.OrdinalIgnoreCase))
                && ActorMatch.Matches(c.Claim.Claimant, filter.Claimant) && ActorMatch.Matches(c.Claim.Subject, filter.Subject))
            .Select(c => (c.Resolution, c.Claim, Measure: c.Resolution.CorrectedStatistic is { } value ? c.Claim.Measure.WithValue(value) : c.Claim.Measure))
            .ToArray();
        var disputes = DisputeFinder.Find(resolved.Select(c => (c.Resolution, (string?)c.Measure.ToString())));
        var disputed = disputes.SelectMany(dispute => dispute.Versions).Select(version => version.FactId).ToHashSet();
        var claims = resolved
            .Select(c => new ClaimedStatistic(
                c.Claim.FactId,
                c.Claim.Key,
                c.Claim.Claimant,
                c.Claim.Subject,
                c.Claim.Metric,
                c.Measure,
                c.Resolution.CorrectedStatistic is null ? null : c.Claim.Measure,
                c.Claim.Period,
                c.Claim.Baseline,
                c.Resolution.Effective,
                disputed.Contains(c.Claim.FactId) ? Standing.Disputed : c.Resolution.Standing,
                c.Claim.Matter,
                c.Resolution.Sources))
            .OrderBy(claim => claim.Metric, StringComparer.Ordinal)
            .ThenBy(claim => claim.Period.Earliest)
            .ThenBy(claim => claim.Key, StringComparer.Ordinal)
            .ToArray();
        return new ClaimedStatistics(asOf, claims, disputes);
    }

    /// <summary>Gets the agreements known as of a point, each saying whether it was in effect then.</summary>
    /// <param name="asOf">The point on the three time axes.</param>
    /// <param name="party">Only agreements with this party (key, name, alias or ISO country code).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The agreements, by effective date.</returns>
    public async Task<IReadOnlyList<AgreementStatus>> GetAgreementsAsync(AsOf asOf, string? party = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        return (await ResolveAsync<AgreementEntry>(asOf, cancellationToken).ConfigureAwait(false))
            .Select(r => (Resolution: r, Agreement: Entry<AgreementEntry>(r).Agreement))
            .Where(a => party is null || a.Agreement.Parties.Any(p => ActorMatch.Matches(p, party)))
            .Select(a => new AgreementStatus(
                a.Agreement.FactId,
                a.Agreement.Key,
                a.Agreement.Parties,
                a.Agreement.Areas,
                a.Agreement.Title,
                a.Resolution.Effective,
                a.Resolution.Stage,
                a.Resolution.Stage is Stage.Realised or Stage.Committed,
                a.Resolution.Standing,
                a.Resolution.Sources))
            .OrderBy(a => a.Effective.Earliest)
            .ThenBy(a => a.Key, StringComparer.Ordinal)
            .ToArray();
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
        return (await ResolveAsync<TimelineEntry>(asOf, cancellationToken, query => keys.Aggregate(query, (q, key) => q.Where(e => e.ActorKeys.Contains(key)))).ConfigureAwait(false))
            .Select(r => (Resolution: r, Entry: Entry<TimelineEntry>(r)))
            .Select(t => new TimelineItem(t.Entry.Id, t.Entry.Key, t.Entry.Type, t.Entry.Summary, t.Entry.Actors, t.Resolution.Effective, t.Resolution.Stage, t.Resolution.Standing, t.Resolution.Sources))
            .OrderBy(item => item.Effective.Earliest ?? NodaTime.LocalDate.MinIsoValue)
            .ThenBy(item => item.Effective.Latest ?? NodaTime.LocalDate.MaxIsoValue)
            .ThenBy(item => item.Key, StringComparer.Ordinal)
            .ToArray();
    }

    private static TEntry Entry<TEntry>(AsOfResolution resolution)
        where TEntry : LedgerEntry => (TEntry)resolution.Entry;

    private static DonorTotal Total((AsOfResolution Resolution, MoneyAmount? Value)[] donations)
    {
        var first = (DonationEntry)donations[0].Resolution.Entry;
        AmountTotal Sum(Stage stage) => donations
            .Where(d => d.Resolution.Stage == stage && d.Value is not null)
            .Aggregate(AmountTotal.Zero, (total, d) => d.Value!.IsExact
                ? total with { Exact = total.Exact + d.Value.Amount }
                : total with { Approximate = total.Approximate + d.Value.Amount });
        return new DonorTotal(
            first.Donor,
            first.Recipient,
            donations[0].Value?.Currency,
            Sum(Stage.Pledged),
            Sum(Stage.Committed),
            Sum(Stage.Realised),
            donations.Length,
            donations.Where(d => d.Value is not null)
                .SelectMany(d => d.Value!.StatedEquivalents.Select(equivalent => new StatedEquivalent(d.Resolution.Entry.Id, d.Value, equivalent)))
                .ToArray(),
            donations.SelectMany(d => d.Resolution.Sources).ToArray());
    }

    private async Task<IReadOnlyList<AsOfResolution>> ResolveAsync<TEntry>(AsOf asOf, CancellationToken cancellationToken, Func<IQueryable<TEntry>, IQueryable<TEntry>>? narrow = null)
        where TEntry : LedgerEntry
    {
        await using var session = store.QuerySession();
        var query = AsOfBounds.Apply(session.Query<TEntry>(), asOf);
        if (narrow is not null)
        {
            query = narrow(query);
        }

        var entries = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
        return entries.Select(entry => AsOfResolution.Resolve(entry, asOf)).OfType<AsOfResolution>().ToArray();
    }
}
