using CooperationLedger.Facts;
using CooperationLedger.Views;
using NodaTime;

namespace CooperationLedger.Storage;

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
