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

    /// <param name="asOf">The point.</param>
    /// <param name="top">How many of each list to keep.</param>
    /// <param name="timeline">The timeline entries resolved at the point: every fact but corrections and retractions.</param>
    /// <param name="newest">The newest facts (<see cref="Newest"/>), with their sources.</param>
    /// <param name="donors">The donor totals of the whole ledger.</param>
    /// <param name="claims">The claims of the whole ledger.</param>
    public static LedgerSummary From(AsOf asOf, int top, IReadOnlyList<AsOfResolution> timeline, IReadOnlyList<TimelineItem> newest, DonorTotals donors, ClaimedStatistics claims)
    {
        var kinds = timeline
            .GroupBy(r => r.Entry.Type, StringComparer.Ordinal)
            .Select(kind => new KindCount(
                kind.Key,
                kind.Count(),
                kind.GroupBy(r => YearOf(r.Effective, asOf.Rule))
                    .OrderBy(year => year.Key ?? int.MaxValue)
                    .Select(year => new YearCount(year.Key, year.Count()))
                    .ToArray()))
            .OrderByDescending(kind => kind.Facts)
            .ThenBy(kind => kind.Type, StringComparer.Ordinal)
            .ToArray();
        var disputes = donors.Disputes.Concat(claims.Disputes).ToArray();
        var disputedClaims = claims.Disputes.SelectMany(dispute => dispute.Versions).Select(version => version.FactId).ToHashSet();
        return new LedgerSummary(
            asOf,
            top,
            timeline.Count,
            kinds,
            Currencies(donors.Totals, top),
            donors.NoAmountStated.Count,
            claims.Claims
                .GroupBy(claim => claim.Metric, StringComparer.Ordinal)
                .Select(metric => new MetricSummary(
                    metric.Key,
                    metric.Count(),
                    metric.Count(claim => disputedClaims.Contains(claim.FactId)),
                    metric.OrderByDescending(claim => TimelineAnswer.SortDay(claim.Effective, asOf.Rule)).ThenBy(claim => claim.Key, StringComparer.Ordinal).First()))
                .OrderByDescending(metric => metric.Claims)
                .ThenBy(metric => metric.Metric, StringComparer.Ordinal)
                .Take(top)
                .ToArray(),
            [.. disputes.OrderByDescending(dispute => dispute.Versions.Count).ThenBy(dispute => dispute.Matter, StringComparer.Ordinal).Take(top)],
            disputes.Select(dispute => dispute.Matter).Distinct(StringComparer.Ordinal).Count(),
            newest);
    }

    private static CurrencySummary[] Currencies(IReadOnlyList<DonorTotal> totals, int top) =>
        totals
            .GroupBy(total => total.Currency.Code, StringComparer.Ordinal)
            .OrderBy(currency => currency.Key, StringComparer.Ordinal)
            .Select(currency =>
            {
                var lines = currency.ToArray();
                var donors = lines
                    .GroupBy(total => total.Donor.Id, StringComparer.Ordinal)
                    .Select(donor => new DonorSum(
                        donor.First().Donor,
                        Sum(donor, total => total.Pledged),
                        Sum(donor, total => total.Committed),
                        Sum(donor, total => total.Realised),
                        Sum(donor, total => total.Expected),
                        donor.Sum(total => total.Donations),
                        donor.Select(total => total.Recipient.Id).Distinct(StringComparer.Ordinal).Count()))
                    .ToArray();
                return new CurrencySummary(
                    lines[0].Currency,
                    Sum(lines, total => total.Pledged),
                    Sum(lines, total => total.Committed),
                    Sum(lines, total => total.Realised),
                    Sum(lines, total => total.Expected),
                    lines.Sum(total => total.Donations),
                    donors.Length,
                    donors
                        .OrderByDescending(donor => Figure(donor.Committed) + Figure(donor.Realised))
                        .ThenByDescending(donor => Figure(donor.Pledged))
                        .ThenBy(donor => donor.Donor.Name, StringComparer.Ordinal)
                        .ThenBy(donor => donor.Donor.Id, StringComparer.Ordinal)
                        .Take(top)
                        .ToArray());
            })
            .ToArray();

    private static AmountTotal Sum<T>(IEnumerable<T> items, Func<T, AmountTotal> stage) =>
        items.Aggregate(AmountTotal.Zero, (total, item) => total.Plus(stage(item)));

    /// <summary>Gets what a donor is ranked by: its exact and hedged figures added, as the ranking's rule says.</summary>
    private static decimal Figure(AmountTotal total) => total.Exact + total.Approximate;

    private static int? YearOf(ReportedDate date, DateRule rule) =>
        (rule == DateRule.Certainly ? date.Latest : date.Earliest)?.Year;
}
