using CooperationLedger.Revisions;
using NodaTime;

namespace CooperationLedger.Facts;

/// <summary>
/// How one event changes one projected entry: a reported fact creates it; a correction or retraction is added to it as a
/// revision. Shared by the inline projections and by replay in memory, so that both tell the same story.
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

    public static TEntry? Apply<TEntry>(TEntry? snapshot, object data, Instant recordedAt, Func<IReportedFact, Instant, TEntry?> entryFor)
        where TEntry : LedgerEntry => data switch
        {
            FactCorrected corrected => (TEntry?)snapshot?.WithRevision(Revision(corrected, corrected.Changes, isRetraction: false, recordedAt)),
            FactRetracted retracted => (TEntry?)snapshot?.WithRevision(Revision(retracted, null, isRetraction: true, recordedAt)),
            IReportedFact fact => entryFor(fact, recordedAt) ?? snapshot,
            _ => snapshot,
        };

    private static RevisionEntry Revision(IRevision revision, Correction? changes, bool isRetraction, Instant recordedAt) =>
        new(revision.FactId, revision.Key, isRetraction, revision.Reason, changes, revision.Citation, recordedAt);
}
