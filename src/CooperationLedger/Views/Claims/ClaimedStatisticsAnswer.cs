using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;

namespace CooperationLedger.Views;

/// <summary>Computes claimed statistics as of a point from claim entries, however they were obtained.</summary>
internal static class ClaimedStatisticsAnswer
{
    /// <summary>Resolves <paramref name="entries"/> at <paramref name="asOf"/> and computes the claims from them.</summary>
    public static ClaimedStatistics From(IEnumerable<StatisticClaimEntry> entries, AsOf asOf, ClaimFilter filter, ActorDirectory actors, CitationLookup citations) =>
        FromResolved(AsOfResolution.ResolveAll(entries, asOf), asOf, filter, actors, citations);

    /// <param name="resolutions">The claim entries as resolved at <paramref name="asOf"/>.</param>
    /// <param name="asOf">The as-of point.</param>
    /// <param name="filter">What the question names.</param>
    /// <param name="actors">What the ledger knows of the actors the filter names.</param>
    /// <param name="citations">The citations of the facts and revisions the answer cites.</param>
    public static ClaimedStatistics FromResolved(IEnumerable<AsOfResolution> resolutions, AsOf asOf, ClaimFilter filter, ActorDirectory actors, CitationLookup citations)
    {
        var (claimant, subject) = (actors.Select(filter.Claimant), actors.Select(filter.Subject));
        var resolved = resolutions
            .Select(r => (Resolution: r, Claim: (StatisticClaimEntry)r.Entry))
            .Where(c => (filter.Metric is null || string.Equals(c.Claim.Metric, filter.Metric, StringComparison.OrdinalIgnoreCase))
                && (filter.Matter is null || string.Equals(c.Claim.Matter, filter.Matter, StringComparison.Ordinal))
                && (filter.Unattributed ? c.Claim.Claimant is null : ActorSelection.Admits(claimant, c.Claim.Claimant)) && ActorSelection.Admits(subject, c.Claim.Subject))
            .Select(c => (c.Resolution, c.Claim, Measure: c.Resolution.CorrectedStatistic is { } value ? c.Claim.Measure.WithValue(value) : c.Claim.Measure))
            .ToArray();
        var disputes = DisputeFinder.Find(resolved.Select(c => (c.Resolution, (string?)c.Measure.ToString(), Compared(c.Claim.Metric, c.Measure))), citations);
        var disputed = disputes.SelectMany(dispute => dispute.Versions).Select(version => version.FactId).ToHashSet();
        var corroborated = Corroboration.Among([.. resolved.Select(c => ((LedgerEntry)c.Claim, Compared(c.Claim.Metric, c.Measure)))]);
        var claims = resolved
            .Select(c => new ClaimedStatistic(
                c.Claim.Id,
                c.Claim.Key,
                c.Claim.Claimant,
                c.Claim.Subject,
                c.Claim.Metric,
                c.Measure,
                c.Resolution.CorrectedStatistic is null ? null : c.Claim.Measure,
                c.Claim.Period,
                c.Claim.Baseline,
                c.Resolution.Effective,
                disputed.Contains(c.Claim.Id) ? Standing.Disputed : c.Resolution.Standing,
                c.Claim.Matter,
                c.Resolution.Sources(citations))
            {
                CorroboratedBy = corroborated.GetValueOrDefault(c.Claim.Id),
            })
            .Order(ClaimedStatisticsListing.Order)
            .ToArray();
        return new ClaimedStatistics(asOf, claims, disputes);
    }

    private static (string Scale, string Figure)? Compared(string metric, StatisticMeasure measure) =>
        measure.Comparison is { } comparison ? (StatisticClaimed.ScaleOf(metric, comparison.Scale), comparison.Figure) : null;
}
