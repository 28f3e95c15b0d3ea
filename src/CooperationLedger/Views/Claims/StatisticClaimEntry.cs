using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using NodaTime;

namespace CooperationLedger.Views;

/// <summary>A claimed statistic as projected for queries by metric, claimant, period and baseline.</summary>
internal sealed record StatisticClaimEntry : LedgerEntry
{
    public Actor? Claimant { get; init; }

    public Actor Subject { get; init; } = null!;

    public string Metric { get; init; } = string.Empty;

    public StatisticMeasure Measure { get; init; } = null!;

    public ReportedDate? Period { get; init; }

    public ReportedDate? Baseline { get; init; }

    public static StatisticClaimEntry? From(IReportedFact fact, Instant recordedAt) =>
        FactCatalog.KindOf(fact).StatisticOf(fact) is { } claim
            ? Fill(
                new StatisticClaimEntry { Claimant = claim.Claimant, Subject = claim.Subject, Metric = claim.Metric, Measure = claim.Measure, Period = claim.Period, Baseline = claim.Baseline },
                fact,
                recordedAt)
            : null;
}
