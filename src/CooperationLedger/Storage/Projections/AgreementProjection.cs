using CooperationLedger.Facts;
using CooperationLedger.Views;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>Projects agreements into <see cref="AgreementEntry"/> documents.</summary>
internal sealed class AgreementProjection : LedgerEntryProjection<AgreementEntry>
{
    public AgreementProjection() => Route<AgreementSigned>();

    protected override AgreementEntry? EntryFor(IReportedFact fact, Instant recordedAt) => AgreementEntry.From(fact, recordedAt);
}
