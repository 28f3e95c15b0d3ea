using CooperationLedger.Answers;
using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Cli.Html;

/// <summary>
/// What the HTML report shows, read from the ledger at one point: the summary, the timeline (at most
/// <see cref="MostFacts"/> facts), the claims and their disputes (at most <see cref="MostClaims"/> of each), the donor totals as they stood at the end of each year,
/// and the audit trail of every fact the page names.
/// </summary>
internal sealed record HtmlReportData(
    LedgerSummary Summary,
    IReadOnlyList<TimelineItem> Timeline,
    int TimelineCount,
    ClaimedStatistics Claims,
    int ClaimCount,
    IReadOnlyList<(int Year, DonorTotals Totals)> DonationsByYear,
    IReadOnlyDictionary<Guid, AuditTrail> Trails)
{
    /// <summary>The most facts the timeline draws: a page for a person to look at, not a dump of the ledger (the newest are kept).</summary>
    public const int MostFacts = 1000;

    /// <summary>The most claims and disputes the page lists, each with its trail: the first in the answer's order (by metric, then period).</summary>
    public const int MostClaims = 500;

    /// <summary>
    /// Reads it all at <paramref name="asked"/>, every part at the same recorded instant (now, unless one was asked for);
    /// the donor totals by year at the end of each year the donations fall in, up to the point.
    /// </summary>
    public static async Task<HtmlReportData> ReadAsync(Ledger ledger, AsOf asked, int top, CancellationToken cancellationToken)
    {
        var point = asked.RecordedAt is null ? asked with { RecordedAt = SystemClock.Instance.GetCurrentInstant() } : asked;
        var summary = (await ledger.GetSummaryAsync(point, top, cancellationToken).ConfigureAwait(false)) with { AsOf = asked };
        var everything = await ledger.GetTimelineAsync(point, cancellationToken: cancellationToken).ConfigureAwait(false);
        var timeline = everything.Count <= MostFacts ? everything : everything.Skip(everything.Count - MostFacts).ToArray();
        var answered = await ledger.GetClaimedStatisticsAsync(point, cancellationToken: cancellationToken).ConfigureAwait(false);
        var claims = answered with { Claims = [.. answered.Claims.Take(MostClaims)], Disputes = [.. answered.Disputes.Take(MostClaims)] };

        var donationYears = timeline.Where(item => item.Type is "equipment_donated" or "grant_provided")
            .Select(item => (item.Effective.Latest ?? item.Effective.Earliest)?.Year).OfType<int>().ToArray();
        var byYear = new List<(int, DonorTotals)>();
        if (donationYears.Length > 0)
        {
            var last = point.Effective?.Year ?? donationYears.Max();
            for (var year = donationYears.Min(); year <= Math.Min(last, donationYears.Max()); year++)
            {
                var end = new LocalDate(year, 12, 31);
                var at = point with { Effective = point.Effective is { } effective && effective < end ? effective : end };
                byYear.Add((year, await ledger.GetDonorTotalsAsync(at, cancellationToken: cancellationToken).ConfigureAwait(false)));
            }
        }

        var named = timeline.Select(item => item.FactId).Concat(claims.Claims.Select(claim => claim.FactId)).Concat(claims.Disputes.SelectMany(dispute => dispute.Versions.Select(version => version.FactId))).Distinct();
        var trails = new Dictionary<Guid, AuditTrail>();
        foreach (var id in named)
        {
            if (await ledger.AuditAsync(id, cancellationToken).ConfigureAwait(false) is { } trail)
            {
                trails[id] = trail;
            }
        }

        return new HtmlReportData(summary, timeline, everything.Count, claims, answered.Claims.Count, byYear, trails);
    }
}
