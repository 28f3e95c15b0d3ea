using CooperationLedger.Facts;
using CooperationLedger.Views;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>Projects the kinds that feed the agreements view into <see cref="AgreementEntry"/> documents.</summary>
internal sealed class AgreementProjection : LedgerEntryProjection<AgreementEntry>
{
    public AgreementProjection()
        : base(FactView.Agreements)
    {
    }

    protected override AgreementEntry? EntryFor(IReportedFact fact, Instant recordedAt) => AgreementEntry.From(fact, recordedAt);
}
