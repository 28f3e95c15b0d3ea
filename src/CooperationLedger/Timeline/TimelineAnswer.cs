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
    /// <param name="actorKeys">Lower-case actor keys or country codes that every item must involve.</param>
    /// <param name="citations">The citations of the facts and revisions the timeline cites.</param>
    public static IReadOnlyList<TimelineItem> From(IEnumerable<TimelineEntry> entries, AsOf asOf, IReadOnlyCollection<string> actorKeys, CitationLookup citations) =>
        entries
            .Where(entry => actorKeys.All(key => entry.ActorKeys.Contains(key)))
            .Select(entry => AsOfResolution.Resolve(entry, asOf))
            .OfType<AsOfResolution>()
            .Select(r => (Resolution: r, Entry: (TimelineEntry)r.Entry))
            .Select(t => new TimelineItem(t.Entry.Id, t.Entry.Key, t.Entry.Type, t.Entry.Summary, t.Entry.Actors, t.Resolution.Effective, t.Resolution.Stage, t.Resolution.Standing, t.Resolution.Sources(citations)))
            .OrderBy(item => item.Effective.Earliest ?? LocalDate.MinIsoValue)
            .ThenBy(item => item.Effective.Latest ?? LocalDate.MaxIsoValue)
            .ThenBy(item => item.Key, StringComparer.Ordinal)
            .ToArray();
}
