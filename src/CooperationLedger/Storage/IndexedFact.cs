using CooperationLedger.Facts;
using CooperationLedger.Reading;

namespace CooperationLedger.Storage;

/// <summary>
/// The ledger's index of every event it holds, by fact id, with a fingerprint of its content. Marten has no
/// de-duplication by event id: this index, written in the same transaction as the append, makes ingestion idempotent
/// and lets a changed fact under an old id be refused, never overwritten.
/// </summary>
/// <param name="Id">The fact's id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="DocumentKey">The key of the document whose stream holds the event.</param>
/// <param name="Type">The event's stable alias.</param>
/// <param name="ContentHash">The SHA-256 of the event's canonical JSON.</param>
/// <param name="StreamId">The document stream that holds the event.</param>
/// <param name="IsRevision"><see langword="true"/> for a correction or retraction.</param>
internal sealed record IndexedFact(Guid Id, string Key, string DocumentKey, string Type, string ContentHash, Guid StreamId, bool IsRevision)
{
    /// <summary>Gets the indexed fact of an event appended to a document's stream.</summary>
    public static IndexedFact Of(ILedgerEvent e, string documentKey, Guid streamId) =>
        new(e.FactId, e.Key, documentKey, FactCatalog.NameOf(e), FactFingerprint.Of(e), streamId, e is IRevision);
}
