using CooperationLedger.Facts;
using CooperationLedger.Views;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>Projects claimed statistics into <see cref="StatisticClaimEntry"/> documents.</summary>
internal sealed class StatisticClaimProjection : LedgerEntryProjection<StatisticClaimEntry>
{
    public StatisticClaimProjection() => Route<StatisticClaimed>();

    protected override StatisticClaimEntry? EntryFor(IReportedFact fact, Instant recordedAt) => StatisticClaimEntry.From(fact, recordedAt);
}
