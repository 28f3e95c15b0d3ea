using CooperationLedger.Claims;
using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Hosting.Projections;

/// <summary>Projects claimed statistics into <see cref="StatisticClaimEntry"/> documents.</summary>
internal sealed class StatisticClaimProjection : LedgerEntryProjection<StatisticClaimEntry>
{
    public StatisticClaimProjection() => Route<StatisticClaimed>();

    protected override StatisticClaimEntry? EntryFor(IReportedFact fact, Instant recordedAt) => StatisticClaimEntry.From(fact, recordedAt);
}
