using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Agreements;

/// <summary>An agreement as projected for "which agreements were in effect as of a date".</summary>
internal sealed record AgreementEntry : LedgerEntry
{
    public AgreementSigned Agreement { get; init; } = null!;

    public static AgreementEntry? From(IReportedFact fact, Instant recordedAt) =>
        fact is AgreementSigned agreement ? Fill(new AgreementEntry { Agreement = agreement }, fact, recordedAt) : null;
}
