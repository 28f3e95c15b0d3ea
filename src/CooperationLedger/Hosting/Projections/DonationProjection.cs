using CooperationLedger.Donations;
using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Hosting.Projections;

/// <summary>Projects equipment donations and grants into <see cref="DonationEntry"/> documents.</summary>
internal sealed class DonationProjection : LedgerEntryProjection<DonationEntry>
{
    public DonationProjection()
    {
        Route<EquipmentDonated>();
        Route<GrantProvided>();
    }

    protected override DonationEntry? EntryFor(IReportedFact fact, Instant recordedAt) => DonationEntry.From(fact, recordedAt);
}
