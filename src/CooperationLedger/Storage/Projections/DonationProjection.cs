using CooperationLedger.Views;

namespace CooperationLedger.Storage;

/// <summary>Projects the kinds that feed the donations view (equipment, grants) into <see cref="DonationEntry"/> documents.</summary>
internal sealed class DonationProjection : LedgerEntryProjection<DonationEntry>
{
    public DonationProjection()
        : base(EntryShapes.Donations)
    {
    }
}
