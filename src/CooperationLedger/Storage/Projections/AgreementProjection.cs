using CooperationLedger.Views;

namespace CooperationLedger.Storage;

/// <summary>Projects the kinds that feed the agreements view into <see cref="AgreementEntry"/> documents.</summary>
internal sealed class AgreementProjection : LedgerEntryProjection<AgreementEntry>
{
    public AgreementProjection()
        : base(EntryShapes.Agreements)
    {
    }
}
