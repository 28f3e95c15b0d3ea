using CooperationLedger.Actors;
using CooperationLedger.Facts;
using CooperationLedger.Sources;
using CooperationLedger.Time;
using NodaTime;

namespace CooperationLedger.Timeline;

/// <summary>Computes a timeline as of a point from timeline entries, however they were obtained.</summary>
internal static class TimelineAnswer
{
    /// <param name="entries">The entries.</param>
    /// <param name="asOf">The as-of point.</param>
    /// <param name="named">The actors every item must involve, as the user named them (see <see cref="ActorSelection"/>).</param>
    /// <param name="actors">What the ledger knows of the actors named.</param>
    /// <param name="citations">The citations of the facts and revisions the timeline cites.</param>
    public static IReadOnlyList<TimelineItem> From(IEnumerable<TimelineEntry> entries, AsOf asOf, IReadOnlyCollection<string> named, ActorDirectory actors, CitationLookup citations) =>
        From(entries, asOf, named.Select(actors.Select).OfType<ActorSelection>().ToArray(), citations);

    private static TimelineItem[] From(IEnumerable<TimelineEntry> entries, AsOf asOf, ActorSelection[] involved, CitationLookup citations) =>
        entries
            .Where(entry => involved.All(selection => entry.Actors.Any(selection.Includes)))
            .Select(entry => AsOfResolution.Resolve(entry, asOf))
            .OfType<AsOfResolution>()
            .Select(r => (Resolution: r, Entry: (TimelineEntry)r.Entry))
            .Select(t => new TimelineItem(t.Entry.Id, t.Entry.Key, t.Entry.Type, t.Entry.Summary, t.Entry.Actors, t.Resolution.Effective, t.Resolution.Stage, t.Resolution.Standing, t.Resolution.Sources(citations)))
            .OrderBy(item => item.Effective.Earliest ?? LocalDate.MinIsoValue)
            .ThenBy(item => item.Effective.Latest ?? LocalDate.MaxIsoValue)
            .ThenBy(item => item.Key, StringComparer.Ordinal)
            .ToArray();
}
