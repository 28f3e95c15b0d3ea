using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Claims;

/// <summary>A claimed statistic as projected for queries by metric, claimant, period and baseline.</summary>
internal sealed record StatisticClaimEntry : LedgerEntry
{
    public StatisticClaimed Claim { get; init; } = null!;

    public string Metric { get; init; } = string.Empty;

    public static StatisticClaimEntry? From(IReportedFact fact, Instant recordedAt) =>
        fact is StatisticClaimed claim ? Fill(new StatisticClaimEntry { Claim = claim, Metric = claim.Metric }, fact, recordedAt) : null;
}
