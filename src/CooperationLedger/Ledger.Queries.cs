using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using CooperationLedger.Storage;
using CooperationLedger.Views;
using Marten;

namespace CooperationLedger;

/// <content>The as-of queries. Each reads an indexed projection narrowed in SQL by the as-of bounds and by what it names,
/// applies the revisions known at that point in memory, then loads the citations of the facts its answer cites from
/// their events (by stream and version); no query replays events.</content>
public sealed partial class Ledger
{
    /// <summary>
    /// Whether the register of actors has been found as this version writes it (<see cref="ActorRegistry.CheckCurrentAsync"/>):
    /// once it is, it stays so, since every append and rebuild writes it so.
    /// </summary>
    private volatile bool actorsCurrent;

    /// <summary>
    /// Whether the read tables have been found filled (<see cref="ReadTablesCheck"/>): once they are, they stay so, since
    /// every append and rebuild writes their rows.
    /// </summary>
    private volatile bool readTablesFilled;

    /// <summary>Gets donor totals as of a point: by donor, recipient and currency, pledged, committed and realised apart.</summary>
    /// <param name="asOf">The point on the three time axes; <see cref="AsOf.Now"/> for everything.</param>
    /// <param name="filter">Narrows by donor, recipient or currency; actors are named as in every question (see <see cref="DonationFilter"/>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The totals, with the donations of no stated amount and the disputed donations apart.</returns>
    /// <exception cref="ArgumentException">An actor is named by empty or white-space text.</exception>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    /// <exception cref="InvalidOperationException">The filter names an actor, and the ledger's register of actors was written by
    /// an earlier version: rebuild the projections once.</exception>
    public async Task<DonorTotals> GetDonorTotalsAsync(AsOf asOf, DonationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        filter ??= DonationFilter.None;
        filter = filter with { Donor = Named(filter.Donor, nameof(filter.Donor)), Recipient = Named(filter.Recipient, nameof(filter.Recipient)) };
        return await AnswerAsync<DonationEntry, DonorTotals>(
            "donor-totals",
            asOf,
            filter is { Donor: not null, Recipient: not null } ? BoundsUse.CheckOnly : BoundsUse.Indexed,
            [filter.Donor, filter.Recipient],
            (query, actors) => (actors.Select(filter.Donor), actors.Select(filter.Recipient)) is ({ } donor, { } recipient)
                ? query.WithTermPairs(donor, recipient)
                : query.WithTerms("donor_terms", actors.Select(filter.Donor)).WithTerms("recipient_terms", actors.Select(filter.Recipient)),
            (resolved, actors, citations, _) => DonorTotalsAnswer.FromResolved(resolved, asOf, filter, actors, citations),
            cancellationToken,
            (resolved, actors) => DonorTotalsAnswer.Admitted(resolved, filter, actors),
            scope: filter.Scope).ConfigureAwait(false);
    }

    /// <summary>
    /// Lists the whole ledger's donor totals as of a point, to be streamed rather than held whole: the totals of
    /// <see cref="GetDonorTotalsAsync"/> with no filter, each naming its facts, and their sources read apart, each
    /// fact's once. The donations no revision, link or dispute touches are added up in PostgreSQL; the rest, a few in a
    /// hundred, are resolved in memory by the same rules as every answer.
    /// </summary>
    /// <param name="asOf">The point on the three time axes; the listing is read at its recorded instant, else at the
    /// instant it is made.</param>
    /// <param name="cancellationToken">Cancels the making of the listing (its reads take their own).</param>
    /// <returns>The listing, whose donations of no stated amount and disputes are read; its totals and sources are read as they are streamed.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    /// <exception cref="InvalidOperationException">The ledger was written by an earlier version, whose tables hold no rows
    /// of the read tables the listing adds up: rebuild the projections once.</exception>
    public async Task<DonorTotalsListing> ListDonorTotalsAsync(AsOf asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        var point = asOf.RecordedAt is null ? asOf with { RecordedAt = sessions.Now } : asOf;
        var open = await OpenAsync("donor-totals", point, cancellationToken).ConfigureAwait(false);
        if (open is null)
        {
            return new DonorTotalsListing(asOf, [], [], _ => AsyncEnumerable.Empty<DonorTotal>(), _ => AsyncEnumerable.Empty<FactSources>());
        }

        // The open donations are decided in memory, with their sources; the settled ones of no amount, and the matters of
        // the settled disputes, are read whole by the same rules, since nothing outside a settled matter bears on it.
        var opened = await CountedAsync([.. open.Where(fact => fact.IsDonation).Select(fact => fact.Id)], []).ConfigureAwait(false);
        var settledApart = await QueryAsync(
            "donor-totals",
            async token =>
            {
                await using var session = sessions.Query();
                return await DonorTotalRows.ApartAsync(session, point, open, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        var apart = await CountedAsync(settledApart.Unstated, settledApart.DisputedMatters).ConfigureAwait(false);
        var noAmount = DonorTotalsAnswer.InOrder(opened.Counted.Unstated.Concat(apart.Counted.Unstated));
        var disputes = opened.Counted.Disputes.Concat(apart.Counted.Disputes).OrderBy(dispute => dispute.Matter, StringComparer.Ordinal).ToArray();
        var stated = opened.Counted.Stated;
        var openSources = stated.Select(d => new FactSources(d.Entry.Id, d.Resolution.Sources(opened.Citations))).ToArray();
        return new DonorTotalsListing(asOf, noAmount, disputes, token => StreamAsync("donor-totals", TotalsAsync, token), token => StreamAsync("donor-totals", SourcesAsync, token));

        async IAsyncEnumerable<DonorTotal> TotalsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token)
        {
            // Each read builds its open lines afresh, so that a listing read twice gives the same.
            var lines = stated
                .GroupBy(d => (d.Entry.Donor.Id, d.Entry.Recipient.Id, d.Value.Currency.Code))
                .Select(group => DonorTotalsAnswer.Line(group, group.Key, null));
            await using var session = sessions.Query();
            await foreach (var total in DonorTotalsStream.MergeAsync(DonorTotalRows.ReadAsync(session, point, open, settledApart, token), lines, token).ConfigureAwait(false))
            {
                yield return total;
            }
        }

        async IAsyncEnumerable<FactSources> SourcesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token)
        {
            await using var session = sessions.Query();
            await foreach (var (id, key, citation) in DonorTotalRows.CitationsAsync(session, point, open, settledApart, token).ConfigureAwait(false))
            {
                yield return new FactSources(id, [new SourceReference(id, key, SourceRole.Fact, citation)]);
            }

            foreach (var sources in openSources)
            {
                yield return sources;
            }
        }

        Task<(CountedDonations Counted, CitationLookup Citations)> CountedAsync(IReadOnlyList<Guid> ids, IReadOnlyList<string> withMatters) =>
            NamedAsync<DonationEntry, (CountedDonations, CitationLookup)>(
                "donor-totals", point, ids, withMatters, (resolved, _, citations) => (DonorTotalsAnswer.Count(resolved, citations), citations), cancellationToken);
    }

    /// <summary>
    /// Lists the whole ledger's claimed statistics as of a point, to be streamed rather than held whole: the claims of
    /// <see cref="GetClaimedStatisticsAsync"/> with no filter, in its order, and their sources read apart, each claim's
    /// once. The claims no revision, link or dispute touches are read from their rows as stated, with their disputes and
    /// corroborations found in PostgreSQL; the rest are resolved in memory by the same rules as every answer.
    /// </summary>
    /// <param name="asOf">The point on the three time axes; the listing is read at its recorded instant, else at the
    /// instant it is made.</param>
    /// <param name="cancellationToken">Cancels the making of the listing (its reads take their own).</param>
    /// <returns>The listing, whose disputes are read; its claims and sources are read as they are streamed.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    /// <exception cref="InvalidOperationException">The ledger was written by an earlier version, whose tables hold no rows
    /// of the read tables the listing reads: rebuild the projections once.</exception>
    public async Task<ClaimedStatisticsListing> ListClaimedStatisticsAsync(AsOf asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        var point = asOf.RecordedAt is null ? asOf with { RecordedAt = sessions.Now } : asOf;
        var open = await OpenAsync("claims", point, cancellationToken).ConfigureAwait(false);
        if (open is null)
        {
            return new ClaimedStatisticsListing(asOf, [], _ => AsyncEnumerable.Empty<ClaimedStatistic>(), _ => AsyncEnumerable.Empty<FactSources>());
        }

        // The open claims are decided in memory, with their sources; the matters of the settled disputes are read whole by
        // the same rules, since nothing outside a settled matter bears on it.
        var opened = await ClaimsAsync([.. open.Where(fact => fact.IsClaim).Select(fact => fact.Id)], []).ConfigureAwait(false);
        var disputed = await QueryAsync(
            "claims",
            async token =>
            {
                await using var session = sessions.Query();
                return await SettledRows.DisputedAsync(session, point, open, family: 1, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        // Only their disputes are kept, and a matter's disputes are its own: the matters are read a few thousand at a time,
        // so that what resolving them holds (their entries, every claim's sources) is one batch's, not all of them.
        var apart = new List<Dispute>();
        foreach (var matters in disputed.Matters.Chunk(2_000))
        {
            apart.AddRange((await ClaimsAsync([], matters).ConfigureAwait(false)).Disputes);
        }

        var disputes = opened.Disputes.Concat(apart).OrderBy(dispute => dispute.Matter, StringComparer.Ordinal).ToArray();
        var openClaims = opened.Claims.Select(claim => claim with { Sources = [] }).ToArray();
        var openSources = opened.Claims.Select(claim => new FactSources(claim.FactId, claim.Sources)).ToArray();
        return new ClaimedStatisticsListing(asOf, disputes, token => StreamAsync("claims", ReadAsync, token), token => StreamAsync("claims", SourcesAsync, token));

        async IAsyncEnumerable<ClaimedStatistic> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token)
        {
            await using var session = sessions.Query();
            await foreach (var claim in SortedMerge.MergeAsync(ClaimRows.ReadAsync(session, point, open, disputed, token), openClaims, ClaimedStatisticsListing.Order, token).ConfigureAwait(false))
            {
                yield return claim;
            }
        }

        async IAsyncEnumerable<FactSources> SourcesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token)
        {
            await using var session = sessions.Query();
            await foreach (var (id, key, citation) in ClaimRows.CitationsAsync(session, point, open, token).ConfigureAwait(false))
            {
                yield return new FactSources(id, [new SourceReference(id, key, SourceRole.Fact, citation)]);
            }

            foreach (var sources in openSources)
            {
                yield return sources;
            }
        }

        Task<ClaimedStatistics> ClaimsAsync(IReadOnlyList<Guid> ids, IReadOnlyList<string> withMatters) =>
            NamedAsync<StatisticClaimEntry, ClaimedStatistics>(
                "claims", point, ids, withMatters, (resolved, actors, citations) => ClaimedStatisticsAnswer.FromResolved(resolved, point, ClaimFilter.None, actors, citations), cancellationToken);
    }

    /// <summary>Gets claimed statistics as of a point, exactly as claimed, side by side where sources disagree.</summary>
    /// <param name="asOf">The point on the three time axes.</param>
    /// <param name="filter">Narrows by metric, claimant or subject; actors are named as in every question (see <see cref="ClaimFilter"/>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The claims and the disputes among them.</returns>
    /// <exception cref="ArgumentException">An actor is named by empty or white-space text.</exception>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    /// <exception cref="InvalidOperationException">The filter names an actor, and the ledger's register of actors was written by
    /// an earlier version: rebuild the projections once.</exception>
    public async Task<ClaimedStatistics> GetClaimedStatisticsAsync(AsOf asOf, ClaimFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        filter ??= ClaimFilter.None;
        filter = filter with { Claimant = Named(filter.Claimant, nameof(filter.Claimant)), Subject = Named(filter.Subject, nameof(filter.Subject)) };
        var metric = filter.Metric is null ? null : ActorTerms.For(filter.Metric);
        var matter = filter.Matter;
        return await AnswerAsync<StatisticClaimEntry, ClaimedStatistics>(
            "claims",
            asOf,
            matter is null ? BoundsUse.Indexed : BoundsUse.CheckOnly,
            [filter.Unattributed ? null : filter.Claimant, filter.Subject],
            (query, actors) =>
            {
                query = filter.Unattributed ? query.WithoutTerms("claimant_terms") : query.WithTerms("claimant_terms", actors.Select(filter.Claimant));
                query = query.WithTerms("subject_terms", actors.Select(filter.Subject));
                query = metric is null ? query : query.Where("f.metric_term = ?", metric);
                return matter is null ? query : query.Where("f.matter = ?", matter);
            },
            (resolved, actors, citations, _) => ClaimedStatisticsAnswer.FromResolved(resolved, asOf, filter, actors, citations),
            cancellationToken,
            scope: filter.Scope).ConfigureAwait(false);
    }

    /// <summary>Gets the agreements known as of a point, each saying whether it was in effect then.</summary>
    /// <param name="asOf">The point on the three time axes.</param>
    /// <param name="party">Only agreements with this party: a key, name, alias or ISO country code, where a country includes
    /// its agencies and people (see <see cref="DonationFilter"/>); each agreement lists its actual parties.</param>
    /// <param name="otherParty">Only agreements with this party as well, for the agreements between two parties.</param>
    /// <param name="scope">Only the agreements of this period, document or outlet.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The agreements, by effective date.</returns>
    /// <exception cref="ArgumentException">An actor is named by empty or white-space text.</exception>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    /// <exception cref="InvalidOperationException">A party is named, and the ledger's register of actors was written by an
    /// earlier version: rebuild the projections once.</exception>
    public async Task<IReadOnlyList<AgreementStatus>> GetAgreementsAsync(AsOf asOf, string? party = null, string? otherParty = null, FactScope? scope = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        (party, otherParty) = (Named(party, nameof(party)), Named(otherParty, nameof(otherParty)));
        return await AnswerAsync<AgreementEntry, IReadOnlyList<AgreementStatus>>(
            "agreements",
            asOf,
            party is not null && otherParty is not null ? BoundsUse.CheckOnly : BoundsUse.Indexed,
            [party, otherParty],
            (query, actors) => query.WithTerms("party_terms", actors.Select(party)).WithTerms("party_terms", actors.Select(otherParty)),
            (resolved, actors, citations, endings) => AgreementsAnswer.FromResolved(resolved, asOf, party, otherParty, actors, citations, sessions.Today, endings),
            cancellationToken,
            linking: LinkKind.Ends,
            scope: scope).ConfigureAwait(false);
    }

    /// <summary>Gets every fact involving an actor, or two actors together, in order of effective date.</summary>
    /// <param name="asOf">The point on the three time axes.</param>
    /// <param name="actor">An actor: a key, name, alias or ISO country code (<c>kg-gknb</c>, <c>GKNB</c>, <c>Kyrgyzstan</c>,
    /// <c>KG</c>), where a country includes its agencies and people (see <see cref="DonationFilter"/>); each item lists the
    /// actors it involves.</param>
    /// <param name="otherActor">A second actor, named the same way, for the facts between the two.</param>
    /// <param name="scope">Only the facts of this period, document or outlet.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentException">An actor is named by empty or white-space text.</exception>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    /// <exception cref="InvalidOperationException">An actor is named, and the ledger's register of actors was written by an
    /// earlier version: rebuild the projections once.</exception>
    public async Task<IReadOnlyList<TimelineItem>> GetTimelineAsync(AsOf asOf, string? actor = null, string? otherActor = null, FactScope? scope = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        var named = new[] { Named(actor, nameof(actor)), Named(otherActor, nameof(otherActor)) }.OfType<string>().ToArray();
        return await TimelineOfAsync(asOf, named, type: null, scope, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the timeline of the facts that name every one of <paramref name="named"/>, of one type when <paramref name="type"/> is given (looked up in the read table, not filtered after).</summary>
    private Task<IReadOnlyList<TimelineItem>> TimelineOfAsync(AsOf asOf, string[] named, string? type, FactScope? scope, CancellationToken cancellationToken) =>
        AnswerAsync<TimelineEntry, IReadOnlyList<TimelineItem>>(
            "timeline",
            asOf,
            named.Length == 2 ? BoundsUse.CheckOnly : BoundsUse.Indexed,
            named,
            (query, actors) => named.Aggregate(type is null ? query : query.Where("f.type = ?", type), (q, text) => q.WithKeys(actors.Select(text)!)),
            (resolved, actors, citations, _) => TimelineAnswer.FromResolved(resolved, asOf, named, actors, citations),
            cancellationToken,
            scope: scope);

    /// <summary>
    /// Gets the claims of operation results (arrests, deaths, seizures) as of a point, each with its counts, their
    /// breakdowns and the period they cover, in order of effective date.
    /// </summary>
    /// <param name="asOf">The point on the three time axes.</param>
    /// <param name="actor">Only the results of this actor, named as in every question (see <see cref="DonationFilter"/>).</param>
    /// <param name="scope">Only the results of this period, document or outlet.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The claims, each as its source states it.</returns>
    /// <exception cref="ArgumentException">An actor is named by empty or white-space text.</exception>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    /// <exception cref="InvalidOperationException">An actor is named, and the ledger's register of actors was written by an
    /// earlier version: rebuild the projections once.</exception>
    public async Task<IReadOnlyList<OperationResults>> GetOperationResultsAsync(AsOf asOf, string? actor = null, FactScope? scope = null, CancellationToken cancellationToken = default)
    {
        // The timeline of the claims alone, resolved at the point; the counts are read from the claims' own events.
        ArgumentNullException.ThrowIfNull(asOf);
        var timeline = await TimelineOfAsync(asOf, [.. new[] { Named(actor, nameof(actor)) }.OfType<string>()], OperationResultsClaimed.Descriptor.Name, scope, cancellationToken).ConfigureAwait(false);
        return await OperationResultsOfAsync(timeline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the operation results of the claims among <paramref name="items"/>, their counts read from the claims' own events.</summary>
    private async Task<IReadOnlyList<OperationResults>> OperationResultsOfAsync(IEnumerable<TimelineItem> items, CancellationToken cancellationToken)
    {
        var claims = items.Where(item => item.Type == OperationResultsClaimed.Descriptor.Name).ToArray();
        var facts = claims.Length == 0 ? new Dictionary<Guid, OperationResultsClaimed>()
            : await QueryAsync("operation-results", token => LoadFactsAsync<OperationResultsClaimed>(claims.Select(claim => claim.FactId).ToArray(), token), cancellationToken).ConfigureAwait(false);
        return claims
            .Where(claim => facts.ContainsKey(claim.FactId))
            .Select(claim => (Claim: claim, Fact: facts[claim.FactId]))
            .Select(c => new OperationResults(c.Claim.FactId, c.Claim.Key, c.Fact.By, c.Fact.Period, c.Claim.Effective, c.Fact.Counts, c.Claim.Standing, c.Claim.Sources))
            .ToArray();
    }

    /// <summary>
    /// Gets a summary of the whole ledger as of a point, short at any size: the facts of each kind by year, each
    /// currency's totals by stage with its largest donors, the metrics most claimed, the disputes with the most versions,
    /// and the newest facts with their sources. Its parts are asked at one recorded instant (the point's, else the instant
    /// it begins), so that what is recorded after it begins is in none of them.
    /// </summary>
    /// <param name="asOf">The point on the three time axes.</param>
    /// <param name="top">How many donors of each currency, metrics, disputes and newest facts to keep.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The summary, for <paramref name="asOf"/> as given.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not positive.</exception>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    /// <exception cref="InvalidOperationException">The ledger was written by an earlier version, whose tables hold no rows
    /// of the read tables the summary adds up: rebuild the projections once.</exception>
    public async Task<LedgerSummary> GetSummaryAsync(AsOf asOf, int top = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var point = asOf.RecordedAt is null ? asOf with { RecordedAt = sessions.Now } : asOf;
        var settled = await QueryAsync(
            "summary",
            async token =>
            {
                if (!await sessions.Guard.CheckAsync(token).ConfigureAwait(false))
                {
                    return SettledSummary.Empty;
                }

                await using var session = sessions.Query();
                await EnsureReadTablesAsync(session, token).ConfigureAwait(false);
                return await SummaryRows.ReadAsync(session, point, top, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        // The open facts are decided by the rules in memory, each answer reading those of its own kind; of the facts as
        // counted and listed, only those revised by the point, since SQL counts the rest as reported.
        var open = settled.Open;
        var timeline = await OfAsync<TimelineEntry, IReadOnlyList<AsOfResolution>>(
            [.. open.Where(fact => fact.IsRevised).Select(fact => fact.Id)], (resolved, _, _) => resolved, cited: _ => []).ConfigureAwait(false);
        var donors = await OfAsync<DonationEntry, DonorTotals>(
            [.. open.Where(fact => fact.IsDonation).Select(fact => fact.Id)], (resolved, actors, citations) => DonorTotalsAnswer.FromResolved(resolved, point, DonationFilter.None, actors, citations)).ConfigureAwait(false);
        var claims = await OfAsync<StatisticClaimEntry, ClaimedStatistics>(
            [.. open.Where(fact => fact.IsClaim).Select(fact => fact.Id)], (resolved, actors, citations) => ClaimedStatisticsAnswer.FromResolved(resolved, point, ClaimFilter.None, actors, citations)).ConfigureAwait(false);
        var draft = SummaryAnswer.Join(asOf, top, settled, timeline, donors, claims);

        // A settled claim is read with the other claims of its matter, which may corroborate it.
        var latest = draft.SettledClaims.Select(claim => claim.Id).ToArray();
        var matters = latest.Length == 0 ? [] : await QueryAsync("summary", token => MattersAsync(latest, token), cancellationToken).ConfigureAwait(false);
        var latestClaims = await OfAsync<StatisticClaimEntry, ClaimedStatistics>(
            latest, (resolved, actors, citations) => ClaimedStatisticsAnswer.FromResolved(resolved, point, ClaimFilter.None, actors, citations), matters).ConfigureAwait(false);
        var newest = await OfAsync<TimelineEntry, IReadOnlyList<TimelineItem>>(
            draft.Newest, (resolved, actors, citations) => TimelineAnswer.FromResolved(resolved, point, [], actors, citations)).ConfigureAwait(false);
        var names = await QueryAsync("summary", token => DonorsAsync(draft.Donors, token), cancellationToken).ConfigureAwait(false);

        // A dispute among settled facts is told from its matter's facts, read whole: nothing outside a settled matter bears on it.
        var settledDisputes = draft.SettledDisputes.ToArray();
        var donationDisputes = await OfAsync<DonationEntry, DonorTotals>(
            [], (resolved, actors, citations) => DonorTotalsAnswer.FromResolved(resolved, point, DonationFilter.None, actors, citations), [.. settledDisputes.Where(d => !d.AmongClaims).Select(d => d.Matter)]).ConfigureAwait(false);
        var claimDisputes = await OfAsync<StatisticClaimEntry, ClaimedStatistics>(
            [], (resolved, actors, citations) => ClaimedStatisticsAnswer.FromResolved(resolved, point, ClaimFilter.None, actors, citations), [.. settledDisputes.Where(d => d.AmongClaims).Select(d => d.Matter)]).ConfigureAwait(false);
        var disputes = donationDisputes.Disputes.Select(dispute => (false, dispute))
            .Concat(claimDisputes.Disputes.Select(dispute => (true, dispute)))
            .ToDictionary(pair => (pair.Item1, pair.dispute.Matter), pair => pair.dispute);
        // The newest agreements with their states on the day (a closure that ends one is read with it), operation
        // results and donations of no stated amount, each read by id.
        var agreements = draft.Agreements.Count == 0 ? [] : await AnswerAsync<AgreementEntry, IReadOnlyList<AgreementStatus>>(
            "summary",
            point,
            BoundsUse.CheckOnly,
            [],
            (query, _) => query.WithIds(draft.Agreements, []),
            (resolved, actors, citations, endings) => AgreementsAnswer.FromResolved(resolved, point, null, null, actors, citations, sessions.Today, endings),
            cancellationToken,
            linking: LinkKind.Ends).ConfigureAwait(false);
        var operations = await OperationResultsOfAsync(
            await OfAsync<TimelineEntry, IReadOnlyList<TimelineItem>>(draft.Operations, (resolved, actors, citations) => TimelineAnswer.FromResolved(resolved, point, [], actors, citations)).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        var unstated = await OfAsync<DonationEntry, DonorTotals>(
            draft.SettledUnstated, (resolved, actors, citations) => DonorTotalsAnswer.FromResolved(resolved, point, DonationFilter.None, actors, citations)).ConfigureAwait(false);
        return draft.Complete(latestClaims.Claims.ToDictionary(claim => claim.FactId), newest, names, disputes, agreements, operations, unstated.NoAmountStated);

        Task<TAnswer> OfAsync<TEntry, TAnswer>(IReadOnlyList<Guid> ids, Func<IReadOnlyList<AsOfResolution>, ActorDirectory, CitationLookup, TAnswer> answer, IReadOnlyList<string>? withMatters = null, Func<IReadOnlyList<AsOfResolution>, IEnumerable<AsOfResolution>>? cited = null)
            where TEntry : LedgerEntry =>
            NamedAsync<TEntry, TAnswer>("summary", point, ids, withMatters ?? [], answer, cancellationToken, cited);
    }

    /// <summary>
    /// Gets the answer of the facts named by id (and of the matters named) at the point, each fact resolved in memory, for
    /// a whole-ledger question's open or apart facts; naming nothing, the empty answer, without a round trip.
    /// </summary>
    private Task<TAnswer> NamedAsync<TEntry, TAnswer>(string kind, AsOf point, IReadOnlyList<Guid> ids, IReadOnlyList<string> matters, Func<IReadOnlyList<AsOfResolution>, ActorDirectory, CitationLookup, TAnswer> answer, CancellationToken cancellationToken, Func<IReadOnlyList<AsOfResolution>, IEnumerable<AsOfResolution>>? cited = null)
        where TEntry : LedgerEntry =>
        ids.Count == 0 && matters.Count == 0
        ? Task.FromResult(answer([], ActorDirectory.Empty, CitationLookup.None))
        : AnswerAsync<TEntry, TAnswer>(
            kind,
            point,
            BoundsUse.CheckOnly,
            [],
            (query, _) => query.WithIds(ids, matters),
            (resolved, actors, citations, _) => answer(resolved, actors, citations),
            cancellationToken,
            cited: cited);

    /// <summary>
    /// Gets the open facts at the point (<see cref="OpenRows"/>) for a whole-ledger listing of <paramref name="kind"/>,
    /// once the read tables are found filled; <see langword="null"/> when the ledger has no tables yet.
    /// </summary>
    private Task<IReadOnlyList<OpenFact>?> OpenAsync(string kind, AsOf point, CancellationToken cancellationToken) =>
        QueryAsync<IReadOnlyList<OpenFact>?>(
            kind,
            async token =>
            {
                if (!await sessions.Guard.CheckAsync(token).ConfigureAwait(false))
                {
                    return null;
                }

                await using var session = sessions.Query();
                await EnsureReadTablesAsync(session, token).ConfigureAwait(false);
                return await OpenRows.ReadAsync(session, point, token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Checks once that the read tables hold the ledger's facts (<see cref="ReadTablesCheck"/>).</summary>
    private async Task EnsureReadTablesAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        if (!readTablesFilled)
        {
            await ReadTablesCheck.EnsureFilledAsync(session, cancellationToken).ConfigureAwait(false);
            readTablesFilled = true;
        }
    }

    /// <summary>Gets the matters of facts, from the read tables.</summary>
    private async Task<IReadOnlyList<string>> MattersAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await using var session = sessions.Query();
        return await SummaryRows.MattersAsync(session, ids, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets donors by key, from the read tables.</summary>
    private async Task<IReadOnlyDictionary<string, Actor>> DonorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var session = sessions.Query();
        return await SummaryRows.DonorsAsync(session, ids, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads facts of one kind by id from their documents' streams.</summary>
    private async Task<Dictionary<Guid, TFact>> LoadFactsAsync<TFact>(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        where TFact : class, IReportedFact
    {
        await using var session = sessions.Query();
        var indexed = await session.LoadManyAsync<IndexedFact>(cancellationToken, ids).ConfigureAwait(false);
        var wanted = ids.ToHashSet();
        var facts = new Dictionary<Guid, TFact>();
        foreach (var stream in indexed.Select(fact => fact.StreamId).Distinct())
        {
            var events = await session.Events.FetchStreamAsync(stream, token: cancellationToken).ConfigureAwait(false);
            foreach (var fact in events.Select(e => e.Data).OfType<TFact>().Where(fact => wanted.Contains(fact.FactId)))
            {
                facts[fact.FactId] = fact;
            }
        }

        return facts;
    }

    /// <summary>
    /// Gets an actor as a question names it, without the white space typed around it; <see langword="null"/> names no
    /// one in particular.
    /// </summary>
    /// <exception cref="ArgumentException">The text is empty or white space: it names no one, and is not taken for no filter.</exception>
    /// <summary>
    /// Tells what <paramref name="text"/> names where a question takes an actor: the registered actors it selects, the
    /// countries it names, and, when it names no one, the registered actors spelt nearest to it. A question
    /// that names no one answers empty; a tool asks this first to tell a misspelling from an actor with no facts.
    /// </summary>
    /// <param name="text">A key, name, alias or ISO country code, as a question takes it.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>What the text names.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or white space.</exception>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    /// <exception cref="InvalidOperationException">The ledger's register of actors was written by an earlier version:
    /// rebuild the projections once.</exception>
    public Task<ActorMatch> MatchActorAsync(string text, CancellationToken cancellationToken = default)
    {
        var named = Named(text, nameof(text))!;
        return QueryAsync(
            "actor",
            async token =>
            {
                if (!await sessions.Guard.CheckAsync(token).ConfigureAwait(false))
                {
                    return Match(named, ActorDirectory.Empty, []);
                }

                await using var session = sessions.Query();
                await ActorRegistry.CheckCurrentAsync(session, token).ConfigureAwait(false);
                var actors = await ActorRegistry.LoadAsync(session, [named], token).ConfigureAwait(false);
                var match = Match(named, actors, []);
                return match.Found ? match : Match(named, actors, await ActorRegistry.ReadAllAsync(session, token).ConfigureAwait(false));
            },
            cancellationToken);

        static ActorMatch Match(string text, ActorDirectory actors, IReadOnlyList<ActorRegistration> register)
        {
            var selection = actors.Select(text)!;
            var countries = selection.Countries.Order(StringComparer.Ordinal).ToArray();
            var spellings = register.SelectMany(registration => registration.AllNames.Prepend(registration.Id).Select(spelt => (Registration: registration, Spelt: spelt))).ToArray();
            var nearest = Spelling.Nearest(text, spellings.Select(spelling => spelling.Spelt), most: int.MaxValue);
            var suggestions = nearest.SelectMany(spelt => spellings.Where(spelling => spelling.Spelt == spelt))
                .DistinctBy(spelling => spelling.Registration.Id)
                .Take(3)
                .Select(spelling => new ActorSuggestion(spelling.Registration.Id, spelling.Registration.Name, spelling.Spelt))
                .ToArray();
            return new ActorMatch(text, selection.Named, countries, suggestions);
        }
    }

    /// <summary>
    /// Tells whether the ledger holds <paramref name="text"/> as a name of <paramref name="kind"/>, compared as a
    /// question's filter compares it, and, when it does not, the names of that kind spelt nearest to it. A question
    /// narrowed to a name the ledger does not hold answers empty; a tool asks this on an empty answer to tell a
    /// misspelling from a name with no facts of the question.
    /// </summary>
    /// <param name="kind">What the name names: a document key, an outlet, a matter or a metric.</param>
    /// <param name="text">The name, as a filter takes it.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Whether it is held, and the nearest names when it is not.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or white space.</exception>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    public Task<NameMatch> MatchNameAsync(NameKind kind, string text, CancellationToken cancellationToken = default)
    {
        var named = string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("A name to match is not empty.", nameof(text)) : text.Trim();
        return QueryAsync(
            "name",
            async token =>
            {
                if (!await sessions.Guard.CheckAsync(token).ConfigureAwait(false))
                {
                    return new NameMatch(kind, named, Found: false, []);
                }

                await using var session = sessions.Query();
                var names = await NameListing.ReadAsync(session, kind, token).ConfigureAwait(false);
                if (kind == NameKind.Outlet && !names.Any(name => NameListing.Same(kind, name, named)))
                {
                    names = [.. names, .. await NameListing.ReadRelayedOutletsAsync(session, token).ConfigureAwait(false)];
                }

                return names.Any(name => NameListing.Same(kind, name, named))
                    ? new NameMatch(kind, named, Found: true, [])
                    : new NameMatch(kind, named, Found: false, Spelling.Nearest(named, names));
            },
            cancellationToken);
    }

    private static string? Named(string? text, string parameter) =>
        text is null ? null
        : string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("An actor is named by a key, name, alias or ISO country code; this one is empty. Leave it out to name no one in particular.", parameter)
        : text.Trim();

    /// <summary>
    /// Reads what the register knows of the actors the question names (<see cref="ActorRegistry.LoadAsync"/>), the entries
    /// narrowed in SQL by them and by the as-of point, resolves each entry at that point once, keeps what the answer
    /// admits (<paramref name="admit"/>, for what SQL cannot narrow), loads the citations of what is kept (or of what
    /// <paramref name="cited"/> picks of it, for an answer that cites only some), and computes the answer from it.
    /// A question that names what finds few entries by itself (two actors, a matter) has its as-of bounds checked on those
    /// entries rather than looked up (<see cref="BoundsUse"/>). It runs as a question of <paramref name="kind"/>
    /// (<see cref="QueryAsync"/>): retried through transient failures, in a span of its own.
    /// </summary>
    private Task<TAnswer> AnswerAsync<TEntry, TAnswer>(
        string kind,
        AsOf asOf,
        BoundsUse bounds,
        IReadOnlyList<string?> named,
        Func<FactSelection, ActorDirectory, FactSelection> narrow,
        Func<IReadOnlyList<AsOfResolution>, ActorDirectory, CitationLookup, IReadOnlyList<(AsOfResolution Linking, FactLink Link)>, TAnswer> answer,
        CancellationToken cancellationToken,
        Func<IReadOnlyList<AsOfResolution>, ActorDirectory, IEnumerable<AsOfResolution>>? admit = null,
        LinkKind? linking = null,
        Func<IReadOnlyList<AsOfResolution>, IEnumerable<AsOfResolution>>? cited = null,
        FactScope? scope = null)
        where TEntry : LedgerEntry =>
        QueryAsync(
            kind,
            async token =>
            {
                if (!await sessions.Guard.CheckAsync(token).ConfigureAwait(false))
                {
                    return answer([], ActorDirectory.Empty, CitationLookup.None, []);
                }

                await using var session = sessions.Query();
                await EnsureReadTablesAsync(session, token).ConfigureAwait(false);
                var texts = named.OfType<string>().ToArray();
                var actors = ActorDirectory.Empty;
                if (texts.Length > 0)
                {
                    if (!actorsCurrent)
                    {
                        await ActorRegistry.CheckCurrentAsync(session, token).ConfigureAwait(false);
                        actorsCurrent = true;
                    }

                    actors = await ActorRegistry.LoadAsync(session, texts, token).ConfigureAwait(false);
                }

                var entries = await narrow(AsOfBounds.Apply(FactSelection.All, asOf, bounds), actors).LoadAsync(session, EntryShapes.Of<TEntry>(), token).ConfigureAwait(false);

                // Each entry is resolved once, then narrowed by what the answer admits in memory (a donation's currency
                // as of the point): the citations loaded are those of what the answer can cite.
                IReadOnlyList<AsOfResolution> resolved = AsOfResolution.ResolveAll(entries, asOf);
                resolved = admit is null ? resolved : [.. admit(resolved, actors)];
                resolved = await ScopedAsync(session, resolved, scope, asOf.Rule, token).ConfigureAwait(false);
                var links = linking is { } kind ? await LinkingAsync(session, resolved, kind, asOf, token).ConfigureAwait(false) : [];
                var citations = await CitationStore.LoadAsync(session, [.. CitationLookup.Needed(cited is null ? resolved : cited(resolved)), .. CitationLookup.Needed(links.Select(link => link.Linking))], token).ConfigureAwait(false);
                return answer(resolved, actors, citations, links);
            },
            cancellationToken);

    /// <summary>
    /// Keeps the facts of <paramref name="scope"/>: by their effective date as corrected, read under the rule; by the
    /// document part of their key; and by their citation's outlet, for which their own citations are read first.
    /// </summary>
    private static async Task<IReadOnlyList<AsOfResolution>> ScopedAsync(IQuerySession session, IReadOnlyList<AsOfResolution> resolved, FactScope? scope, DateRule rule, CancellationToken cancellationToken)
    {
        if (scope is null || scope.IsAll)
        {
            return resolved;
        }

        var document = scope.Document?.Trim() + "/";
        IReadOnlyList<AsOfResolution> kept = [.. resolved.Where(r => scope.InPeriod(r.Effective, rule) && (scope.Document is null || r.Entry.Key.StartsWith(document, StringComparison.Ordinal)))];
        if (scope.Outlet is null || kept.Count == 0)
        {
            return kept;
        }

        var own = await CitationStore.LoadAsync(session, [.. kept.Select(r => r.Entry.Source).OfType<StreamPosition>()], cancellationToken).ConfigureAwait(false);
        return [.. kept.Where(r => scope.OfOutlet(own.For(r.Entry.Id)))];
    }

    /// <summary>
    /// Loads the facts that link to the answer's facts with a link of <paramref name="kind"/> (a closure that ends an
    /// agreement), each resolved at the same point: a link counts only from when its fact does.
    /// </summary>
    private static async Task<IReadOnlyList<(AsOfResolution Linking, FactLink Link)>> LinkingAsync(IQuerySession session, IReadOnlyList<AsOfResolution> resolved, LinkKind kind, AsOf asOf, CancellationToken cancellationToken)
    {
        if (resolved.Count == 0)
        {
            return [];
        }

        var keys = resolved.Select(r => r.Entry.Key).ToHashSet(StringComparer.Ordinal);
        var entries = await FactSelection.All.LinkingToAny(resolved.Select(r => r.Entry.Id)).LoadAsync(session, EntryShapes.Timeline, cancellationToken).ConfigureAwait(false);
        return AsOfResolution.ResolveAll(entries, asOf)
            .SelectMany(linking => linking.Entry.Links.Where(link => link.Kind == kind && keys.Contains(link.Target)).Select(link => (linking, link)))
            .ToArray();
    }
}
