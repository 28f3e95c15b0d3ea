using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using NodaTime;

namespace CooperationLedger.Views;

/// <summary>An agreement as projected for "which agreements were in effect as of a date".</summary>
internal sealed record AgreementEntry : LedgerEntry
{
    public IReadOnlyList<Actor> Parties { get; init; } = [];

    public IReadOnlyList<string> Areas { get; init; } = [];

    public string? Title { get; init; }

    public AgreementTerm? Term { get; init; }

    public static AgreementEntry? From(IReportedFact fact, Instant recordedAt) =>
        FactCatalog.KindOf(fact).AgreementOf(fact) is { } agreement
            ? Fill(new AgreementEntry { Parties = agreement.Parties, Areas = agreement.Areas, Title = agreement.Title, Term = agreement.Term }, fact, recordedAt)
            : null;
}
