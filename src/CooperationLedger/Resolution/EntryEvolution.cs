using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Resolution;

/// <summary>
/// How one event changes one entry: a reported fact creates it; a correction or retraction is added to it as a
/// revision. Shared by the questions, which fold the events their rows name, and by replay in memory, so that both
/// tell the same story.
/// </summary>
internal static class EntryEvolution
{
    /// <summary>Gets the id of the entry an event belongs to: a fact's own id, or the id of the fact a revision revises.</summary>
    public static Guid? EntryId(object data) => data switch
    {
        IRevision revision => revision.Revises,
        IReportedFact fact => fact.FactId,
        _ => null,
    };

    /// <summary>
    /// Gets the facts <paramref name="events"/> revise without adding them: their entries were projected before these
    /// events, and are to be loaded for the revisions to apply to.
    /// </summary>
    public static HashSet<Guid> RevisedBefore(IEnumerable<object> events)
    {
        var all = events as IReadOnlyCollection<object> ?? events.ToArray();
        var added = all.OfType<IReportedFact>().Select(fact => fact.FactId).ToHashSet();
        return all.OfType<IRevision>().Select(revision => revision.Revises).Where(id => !added.Contains(id)).ToHashSet();
    }

    /// <param name="snapshot">The entry so far, if any.</param>
    /// <param name="data">The event.</param>
    /// <param name="recordedAt">When the ledger appended the event.</param>
    /// <param name="source">Where the event is stored; <see langword="null"/> when folding events held in memory.</param>
    /// <param name="entryFor">Builds this projection's entry for a fact, or <see langword="null"/> for a fact it does not keep.</param>
    public static TEntry? Apply<TEntry>(TEntry? snapshot, object data, Instant recordedAt, StreamPosition? source, Func<IReportedFact, Instant, TEntry?> entryFor)
        where TEntry : LedgerEntry => data switch
        {
            FactCorrected corrected => (TEntry?)snapshot?.WithRevision(Revision(corrected, corrected.Changes, isRetraction: false, recordedAt, source)),
            FactRetracted retracted => (TEntry?)snapshot?.WithRevision(Revision(retracted, null, isRetraction: true, recordedAt, source)),
            IReportedFact fact => entryFor(fact, recordedAt) is LedgerEntry created ? (TEntry)(created with { Source = source }) : snapshot,
            _ => snapshot,
        };

    private static EntryRevision Revision(IRevision revision, Correction? changes, bool isRetraction, Instant recordedAt, StreamPosition? source) =>
        new(revision.FactId, revision.Key, isRetraction, revision.Reason, changes, revision.Citation.Document.PublishedOn, recordedAt, source);
}
