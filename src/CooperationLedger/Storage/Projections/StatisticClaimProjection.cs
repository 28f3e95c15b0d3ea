using CooperationLedger.Views;

namespace CooperationLedger.Storage;

/// <summary>Projects the kinds that feed the claims view into <see cref="StatisticClaimEntry"/> documents.</summary>
internal sealed class StatisticClaimProjection : LedgerEntryProjection<StatisticClaimEntry>
{
    public StatisticClaimProjection()
        : base(EntryShapes.Claims)
    {
    }
}
