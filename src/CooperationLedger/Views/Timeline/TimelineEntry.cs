using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using NodaTime;

namespace CooperationLedger.Views;

/// <summary>Any reported fact as projected for cooperation timelines: the actors involved and a one-line summary.</summary>
internal sealed record TimelineEntry : LedgerEntry
{
    public IReadOnlyList<Actor> Actors { get; init; } = [];

    public string Summary { get; init; } = string.Empty;

    public static TimelineEntry From(IReportedFact fact, Instant recordedAt)
    {
        var actors = FactActors.Of(fact);
        return Fill(new TimelineEntry { Actors = actors, Summary = FactSummary.Of(fact) }, fact, recordedAt);
    }
}
