using CooperationLedger.Actors;
using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Agreements;

/// <summary>An agreement as projected for "which agreements were in effect as of a date".</summary>
internal sealed record AgreementEntry : LedgerEntry
{
    public AgreementSigned Agreement { get; init; } = null!;

    /// <summary>Gets the terms the parties are found by in SQL (see <see cref="ActorTerms"/>).</summary>
    public IReadOnlyList<string> PartyTerms { get; init; } = [];

    public static AgreementEntry? From(IReportedFact fact, Instant recordedAt) =>
        fact is AgreementSigned agreement ? Fill(new AgreementEntry { Agreement = agreement, PartyTerms = ActorTerms.Of(agreement.Parties) }, fact, recordedAt) : null;
}
