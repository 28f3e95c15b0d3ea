using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using NodaTime;

namespace CooperationLedger.Views;

/// <summary>Computes a timeline as of a point from timeline entries, however they were obtained.</summary>
internal static class TimelineAnswer
{
    /// <summary>Resolves <paramref name="entries"/> at <paramref name="asOf"/> and computes the timeline from them.</summary>
    public static IReadOnlyList<TimelineItem> From(IEnumerable<TimelineEntry> entries, AsOf asOf, IReadOnlyCollection<string> named, ActorDirectory actors, CitationLookup citations) =>
        FromResolved(AsOfResolution.ResolveAll(entries, asOf), asOf, named, actors, citations);

    /// <param name="resolutions">The timeline entries as resolved at the as-of point.</param>
    /// <param name="asOf">The as-of point, whose rule orders imprecise dates.</param>
    /// <param name="named">The actors every item must involve, as the user named them (see <see cref="ActorSelection"/>).</param>
    /// <param name="actors">What the ledger knows of the actors named.</param>
    /// <param name="citations">The citations of the facts and revisions the timeline cites.</param>
    public static IReadOnlyList<TimelineItem> FromResolved(IEnumerable<AsOfResolution> resolutions, AsOf asOf, IReadOnlyCollection<string> named, ActorDirectory actors, CitationLookup citations) =>
        FromResolved(resolutions, asOf.Rule, named.Select(actors.Select).OfType<ActorSelection>().ToArray(), citations);

    /// <summary>
    /// The day a date sorts by is the day the rule reads it as: under "certainly" its latest possible day (a fact of
    /// "on or before 3 March" is certain to have happened by 3 March), under "possibly" its earliest (it may have
    /// happened at any time before). An open end sorts at that end of time.
    /// </summary>
    internal static LocalDate SortDay(ReportedDate date, DateRule rule) => rule == DateRule.Certainly
        ? date.Latest ?? LocalDate.MaxIsoValue
        : date.Earliest ?? LocalDate.MinIsoValue;

    private static TimelineItem[] FromResolved(IEnumerable<AsOfResolution> resolutions, DateRule rule, ActorSelection[] involved, CitationLookup citations) =>
        resolutions
            .Select(r => (Resolution: r, Entry: (TimelineEntry)r.Entry))
            .Where(t => involved.All(selection => t.Entry.Actors.Any(selection.Includes)))
            .Select(t => new TimelineItem(t.Entry.Id, t.Entry.Key, t.Entry.Type, t.Entry.Summary, t.Entry.Actors, t.Resolution.Effective, t.Resolution.Stage, t.Resolution.Standing, t.Resolution.Sources(citations)))
            .OrderBy(item => SortDay(item.Effective, rule))
            .ThenBy(item => rule == DateRule.Certainly ? item.Effective.Earliest ?? LocalDate.MinIsoValue : item.Effective.Latest ?? LocalDate.MaxIsoValue)
            .ThenBy(item => item.Key, StringComparer.Ordinal)
            .ToArray();
}
