using CooperationLedger.Facts;
using CooperationLedger.Views;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>Projects the kinds that feed the donations view (equipment, grants) into <see cref="DonationEntry"/> documents.</summary>
internal sealed class DonationProjection : LedgerEntryProjection<DonationEntry>
{
    public DonationProjection()
        : base(FactView.Donations)
    {
    }

    protected override DonationEntry? EntryFor(IReportedFact fact, Instant recordedAt) => DonationEntry.From(fact, recordedAt);
}
