using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Storage;

namespace CooperationLedger.Appending;

/// <summary>
/// What a bulk-append batch writes (its documents' streams, its facts and revisions) and what it revises, so that the
/// next batch is written beside it only when the two cannot wait on each other's rows (<see cref="BatchTurn"/>).
/// </summary>
internal sealed class BatchTouches
{
    private readonly HashSet<Guid> writes;
    private readonly HashSet<Guid> revises;

    /// <summary>Initializes what the documents of a batch touch.</summary>
    public BatchTouches(IEnumerable<ParsedFactFile> batch)
    {
        var files = batch.ToArray();
        var events = files.SelectMany(file => file.Events).ToArray();
        writes = [.. files.Select(file => FactIds.ForDocument(file.Document.Key)), .. events.Select(e => e.FactId)];
        revises = [.. events.OfType<IRevision>().Select(revision => revision.Revises)];
        Facts = events.OfType<IReportedFact>().Select(fact => fact.FactId).ToHashSet();
    }

    /// <summary>Gets the facts the batch adds (not its revisions): the ones the next batch may revise beside it.</summary>
    public IReadOnlySet<Guid> Facts { get; }

    /// <summary>
    /// Whether <paramref name="next"/> writes a document or a fact this batch writes, revises a fact this one revises,
    /// or writes a fact this one revises. Revising a fact this batch adds is no conflict: the next batch reads that
    /// fact's entry once this one has committed.
    /// </summary>
    public bool Conflicts(BatchTouches next) =>
        next.writes.Overlaps(writes) || next.revises.Overlaps(revises) || next.writes.Overlaps(revises);
}
