using CooperationLedger.Facts;
using CooperationLedger.Views;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>Projects the kinds that feed the claims view into <see cref="StatisticClaimEntry"/> documents.</summary>
internal sealed class StatisticClaimProjection : LedgerEntryProjection<StatisticClaimEntry>
{
    public StatisticClaimProjection()
        : base(FactView.Claims)
    {
    }

    protected override StatisticClaimEntry? EntryFor(IReportedFact fact, Instant recordedAt) => StatisticClaimEntry.From(fact, recordedAt);
}
