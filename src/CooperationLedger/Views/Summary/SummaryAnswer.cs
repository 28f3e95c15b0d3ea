using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using NodaTime;

namespace CooperationLedger.Views;

/// <summary>
/// Computes a <see cref="LedgerSummary"/> from the answers it summarises: the whole ledger's donor totals and claims,
/// and its timeline entries as resolved at the point. Every order is total (ties broken by name or key), so the same
/// ledger gives the same summary.
/// </summary>
internal static class SummaryAnswer
{
    /// <summary>Gets the newest of the facts resolved: by the day their document was published, then by when they were recorded.</summary>
    public static IEnumerable<AsOfResolution> Newest(IEnumerable<AsOfResolution> resolved, int top) =>
        resolved
            .OrderByDescending(r => r.Entry.PublishedOn.Latest ?? r.Entry.PublishedOn.Earliest ?? LocalDate.MinIsoValue)
            .ThenByDescending(r => r.Entry.RecordedAt)
            .ThenBy(r => r.Entry.Key, StringComparer.Ordinal)
            .Take(top);

    /// <summary>
    /// Joins what SQL added up of the settled facts with the answers the rules in memory gave for the open facts, all at
    /// the same point, into everything of the summary but what it names by id (<see cref="SummaryDraft"/>): the latest
    /// claims of settled facts, the newest facts and the donors, which the caller loads.
    /// </summary>
    /// <param name="asOf">The point.</param>
    /// <param name="top">How many of each list to keep.</param>
    /// <param name="settled">What SQL added up of the settled facts.</param>
    /// <param name="timeline">The timeline entries of the facts revised by the point, as resolved at the point: those
    /// <paramref name="settled"/> does not count.</param>
    /// <param name="donors">The donor totals of the open donations.</param>
    /// <param name="claims">The open claims.</param>
    public static SummaryDraft Join(AsOf asOf, int top, SettledSummary settled, IReadOnlyList<AsOfResolution> timeline, DonorTotals donors, ClaimedStatistics claims)
    {
        var years = settled.Years
            .Concat(timeline.Select(r => (r.Entry.Type, Year: YearOf(r.Effective, asOf.Rule), Facts: 1)))
            .GroupBy(year => year.Type, StringComparer.Ordinal)
            .Select(kind => new KindCount(
                kind.Key,
                kind.Sum(year => year.Facts),
                kind.GroupBy(year => year.Year)
                    .OrderBy(year => year.Key ?? int.MaxValue)
                    .Select(year => new YearCount(year.Key, year.Sum(y => y.Facts)))
                    .ToArray()))
            .OrderByDescending(kind => kind.Facts)
            .ThenBy(kind => kind.Type, StringComparer.Ordinal)
            .ToArray();
        var disputes = donors.Disputes.Concat(claims.Disputes).ToArray();
        var disputedClaims = claims.Disputes.SelectMany(dispute => dispute.Versions).Select(version => version.FactId).ToHashSet();
        var openLatest = claims.Claims
            .GroupBy(claim => claim.Metric, StringComparer.Ordinal)
            .ToDictionary(metric => metric.Key, metric => metric.OrderByDescending(claim => TimelineAnswer.SortDay(claim.Effective, asOf.Rule)).ThenBy(claim => claim.Key, StringComparer.Ordinal).First(), StringComparer.Ordinal);
        var settledMetrics = settled.Metrics.ToDictionary(metric => metric.Metric, StringComparer.Ordinal);
        var metrics = settledMetrics.Keys.Union(openLatest.Keys, StringComparer.Ordinal)
            .Select(metric => (
                Metric: metric,
                Claims: (settledMetrics.TryGetValue(metric, out var plain) ? plain.Claims : 0) + claims.Claims.Count(claim => claim.Metric == metric),
                Disputed: (settledMetrics.TryGetValue(metric, out var some) ? some.Disputed : 0) + claims.Claims.Count(claim => claim.Metric == metric && disputedClaims.Contains(claim.FactId)),
                Latest: Later(asOf.Rule, settledMetrics.TryGetValue(metric, out var again) ? again.Latest : null, openLatest.GetValueOrDefault(metric))))
            .OrderByDescending(metric => metric.Claims)
            .ThenBy(metric => metric.Metric, StringComparer.Ordinal)
            .Take(top)
            .ToArray();
        var newest = Ranked(settled.Newest, timeline, top);
        var agreements = Ranked(settled.NewestAgreements, timeline.Where(r => r.Entry.Type == AgreementSigned.Descriptor.Name), top);
        var operations = Ranked(settled.NewestOperations, timeline.Where(r => r.Entry.Type == OperationResultsClaimed.Descriptor.Name), top);
        return new SummaryDraft(
            asOf,
            top,
            settled.Facts + timeline.Count,
            years,
            Currencies(settled.Totals.Concat(donors.Totals.SelectMany(Stages)).ToArray(), top),
            settled.NoAmountStated + donors.NoAmountStated.Count,
            metrics,
            [.. donors.Disputes.Select(dispute => new PendingDispute(dispute, false, dispute.Matter, dispute.Versions.Count))
                .Concat(claims.Disputes.Select(dispute => new PendingDispute(dispute, true, dispute.Matter, dispute.Versions.Count)))
                .Concat(settled.Disputes.Select(dispute => new PendingDispute(null, dispute.AmongClaims, dispute.Matter, dispute.Versions)))
                .OrderByDescending(dispute => dispute.Versions)
                .ThenBy(dispute => dispute.Matter, StringComparer.Ordinal)
                .ThenBy(dispute => dispute.AmongClaims)
                .Take(top)],
            settled.DisputeCount + disputes.Select(dispute => dispute.Matter).Distinct(StringComparer.Ordinal).Count(),
            newest,
            agreements,
            operations,
            [.. settled.NewestUnstated.Select(fact => fact.Id)],
            donors.NoAmountStated);
    }

    /// <summary>Gets the newest of the settled facts ranked in SQL and of the open facts resolved, by publication, then recording, then key.</summary>
    private static Guid[] Ranked(IEnumerable<RankedFact> settled, IEnumerable<AsOfResolution> open, int top) =>
        settled
            .Concat(Newest(open, top).Select(r => new RankedFact(r.Entry.Id, r.Entry.Key, PublishedRank(r.Entry.PublishedOn), InstantNumber.Microseconds(r.Entry.RecordedAt))))
            .OrderByDescending(fact => fact.Rank)
            .ThenByDescending(fact => fact.Then)
            .ThenBy(fact => fact.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(fact => fact.Id)
            .ToArray();

    /// <summary>Gets the rank of a publication day among the newest facts: the latest day, else the earliest, as a day number.</summary>
    public static int PublishedRank(ReportedDate publishedOn) => DayNumber.Of(publishedOn.Latest ?? publishedOn.Earliest ?? LocalDate.MinIsoValue);

    /// <summary>Gets the later of a settled claim and an open one, as the summary orders claims: by effective day, then key.</summary>
    private static LatestClaim Later(DateRule rule, RankedFact? settled, ClaimedStatistic? open) =>
        (settled, open) switch
        {
            (null, { } claim) => new LatestClaim(null, claim),
            ({ } fact, null) => new LatestClaim(fact, null),
            ({ } fact, { } claim) => EffectiveRank(claim.Effective, rule) is var day && (day > fact.Rank || (day == fact.Rank && string.CompareOrdinal(claim.Key, fact.Key) < 0))
                ? new LatestClaim(null, claim)
                : new LatestClaim(fact, null),
            _ => throw new InvalidOperationException("A metric has a claim, settled or open."),
        };

    /// <summary>
    /// Gets the day a fact is ordered by on the effective axis under <paramref name="rule"/>, as a day number: the
    /// order of <see cref="TimelineAnswer.SortDay"/>, with an open end before or after every day.
    /// </summary>
    public static long EffectiveRank(ReportedDate effective, DateRule rule) => rule == DateRule.Certainly ? DayNumber.To(effective) : DayNumber.From(effective);

    /// <summary>Gets an open total as sums by stage, as SQL gives the settled ones.</summary>
    private static IEnumerable<StageTotal> Stages(DonorTotal total)
    {
        var (donor, recipient, currency) = (total.Donor.Id, total.Recipient.Id, total.Currency.Code);
        yield return new StageTotal(currency, donor, total.Donor.Name, recipient, Stage.Pledged, total.Pledged, total.Donations);
        yield return new StageTotal(currency, donor, total.Donor.Name, recipient, Stage.Committed, total.Committed, 0);
        yield return new StageTotal(currency, donor, total.Donor.Name, recipient, Stage.Realised, total.Realised, 0);
        yield return new StageTotal(currency, donor, total.Donor.Name, recipient, Stage.Expected, total.Expected, 0);
    }

    private static CurrencyDraft[] Currencies(IReadOnlyList<StageTotal> totals, int top) =>
        totals
            .GroupBy(total => total.Currency, StringComparer.Ordinal)
            .OrderBy(currency => currency.Key, StringComparer.Ordinal)
            .Select(currency =>
            {
                var lines = currency.ToArray();
                var donors = lines
                    .GroupBy(total => total.DonorId, StringComparer.Ordinal)
                    .Select(donor => new DonorDraft(
                        donor.Key,
                        donor.Select(total => total.DonorName).Min(StringComparer.Ordinal)!,
                        Sum(donor, Stage.Pledged),
                        Sum(donor, Stage.Committed),
                        Sum(donor, Stage.Realised),
                        Sum(donor, Stage.Expected),
                        donor.Sum(total => total.Donations),
                        donor.Select(total => total.RecipientId).Distinct(StringComparer.Ordinal).Count()))
                    .ToArray();
                return new CurrencyDraft(
                    new Currency(currency.Key),
                    Sum(lines, Stage.Pledged),
                    Sum(lines, Stage.Committed),
                    Sum(lines, Stage.Realised),
                    Sum(lines, Stage.Expected),
                    lines.Sum(total => total.Donations),
                    donors.Length,
                    donors
                        .OrderByDescending(donor => Figure(donor.Committed) + Figure(donor.Realised))
                        .ThenByDescending(donor => Figure(donor.Pledged))
                        .ThenBy(donor => donor.Name, StringComparer.Ordinal)
                        .ThenBy(donor => donor.Id, StringComparer.Ordinal)
                        .Take(top)
                        .ToArray());
            })
            .ToArray();

    private static AmountTotal Sum(IEnumerable<StageTotal> totals, Stage stage) =>
        totals.Where(total => total.Stage == stage).Aggregate(AmountTotal.Zero, (sum, total) => sum.Plus(total.Total));

    /// <summary>Gets what a donor is ranked by: its exact and hedged figures added, as the ranking's rule says.</summary>
    private static decimal Figure(AmountTotal total) => total.Exact + total.Approximate;

    private static int? YearOf(ReportedDate date, DateRule rule) =>
        (rule == DateRule.Certainly ? date.Latest : date.Earliest)?.Year;
}

/// <summary>
/// A summary whose facts named by id are still to be loaded: the latest claim of a metric where it is a settled fact,
/// the newest facts, and the largest donors.
/// </summary>
internal sealed record SummaryDraft(
    AsOf AsOf,
    int Top,
    int Facts,
    IReadOnlyList<KindCount> Kinds,
    IReadOnlyList<CurrencyDraft> Currencies,
    int NoAmountStated,
    IReadOnlyList<(string Metric, int Claims, int Disputed, LatestClaim Latest)> Metrics,
    IReadOnlyList<PendingDispute> Disputes,
    int DisputeCount,
    IReadOnlyList<Guid> Newest,
    IReadOnlyList<Guid> Agreements,
    IReadOnlyList<Guid> Operations,
    IReadOnlyList<Guid> SettledUnstated,
    IReadOnlyList<DonationWithoutAmount> OpenUnstated)
{
    /// <summary>Gets the disputes among settled facts to load, by whether they are among claims, and their matters.</summary>
    public IEnumerable<(bool AmongClaims, string Matter)> SettledDisputes => Disputes.Where(dispute => dispute.Open is null).Select(dispute => (dispute.AmongClaims, dispute.Matter));

    /// <summary>Gets the settled claims to load: the latest of their metrics.</summary>
    public IEnumerable<RankedFact> SettledClaims => Metrics.Select(metric => metric.Latest.Settled).OfType<RankedFact>();

    /// <summary>Gets the keys of the donors to load.</summary>
    public IReadOnlyCollection<string> Donors => Currencies.SelectMany(currency => currency.Largest).Select(donor => donor.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Completes the summary with what was loaded.</summary>
    /// <param name="claims">The settled claims of <see cref="SettledClaims"/>, by id.</param>
    /// <param name="newest">The newest facts, in any order.</param>
    /// <param name="donors">The donors of <see cref="Donors"/>, by key.</param>
    /// <param name="disputes">The disputes of <see cref="SettledDisputes"/>.</param>
    /// <param name="agreements">The agreements of <see cref="Agreements"/>, with their states at the point, in any order.</param>
    /// <param name="operations">The operation results of <see cref="Operations"/>, in any order.</param>
    /// <param name="unstated">The donations of <see cref="SettledUnstated"/>, in any order.</param>
    public LedgerSummary Complete(
        IReadOnlyDictionary<Guid, ClaimedStatistic> claims,
        IEnumerable<TimelineItem> newest,
        IReadOnlyDictionary<string, Actor> donors,
        IReadOnlyDictionary<(bool AmongClaims, string Matter), Dispute> disputes,
        IEnumerable<AgreementStatus> agreements,
        IEnumerable<OperationResults> operations,
        IEnumerable<DonationWithoutAmount> unstated)
    {
        var items = newest.ToDictionary(item => item.FactId);
        var signed = agreements.ToDictionary(agreement => agreement.FactId);
        var claimed = operations.ToDictionary(result => result.FactId);
        // The newest of no stated amount: the settled and the open together, by publication, then key (as SQL ranked
        // the settled: an open donation's answer has no recording time to rank by).
        var noAmount = unstated.Concat(OpenUnstated)
            .OrderByDescending(donation => SummaryAnswer.PublishedRank(donation.Sources[0].Citation.Document.PublishedOn))
            .ThenBy(donation => donation.Key, StringComparer.Ordinal)
            .Take(Top)
            .ToArray();
        return new LedgerSummary(
            AsOf,
            Top,
            Facts,
            Kinds,
            [.. Currencies.Select(currency => currency.Complete(donors))],
            NoAmountStated,
            [.. Metrics.Select(metric => new MetricSummary(metric.Metric, metric.Claims, metric.Disputed, metric.Latest.Open ?? claims[metric.Latest.Settled!.Id]))],
            [.. Disputes.Select(dispute => dispute.Open ?? disputes[(dispute.AmongClaims, dispute.Matter)])],
            DisputeCount,
            [.. Newest.Select(id => items[id])],
            [.. Agreements.Where(signed.ContainsKey).Select(id => signed[id])],
            [.. Operations.Where(claimed.ContainsKey).Select(id => claimed[id])],
            noAmount);
    }
}

/// <summary>A dispute the summary keeps: as the rules in memory found it among open facts, or among settled facts to load.</summary>
internal sealed record PendingDispute(Dispute? Open, bool AmongClaims, string Matter, int Versions);

/// <summary>The latest claim of a metric: a settled fact to load, or an open claim as the rules in memory told it.</summary>
internal sealed record LatestClaim(RankedFact? Settled, ClaimedStatistic? Open);

/// <summary>A currency's part of a <see cref="SummaryDraft"/>, its largest donors named by key.</summary>
internal sealed record CurrencyDraft(Currency Currency, AmountTotal Pledged, AmountTotal Committed, AmountTotal Realised, AmountTotal Expected, int Donations, int Donors, IReadOnlyList<DonorDraft> Largest)
{
    public CurrencySummary Complete(IReadOnlyDictionary<string, Actor> donors) =>
        new(Currency, Pledged, Committed, Realised, Expected, Donations, Donors, [.. Largest.Select(donor => new DonorSum(donors[donor.Id], donor.Pledged, donor.Committed, donor.Realised, donor.Expected, donor.Donations, donor.Recipients))]);
}

/// <summary>A donor's sums in one currency, named by key and name.</summary>
internal sealed record DonorDraft(string Id, string Name, AmountTotal Pledged, AmountTotal Committed, AmountTotal Realised, AmountTotal Expected, int Donations, int Recipients);
