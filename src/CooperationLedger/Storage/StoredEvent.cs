using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;

namespace CooperationLedger.Storage;

/// <summary>A ledger event as stored: the fact or revision, and where and when the ledger holds it.</summary>
/// <param name="Data">The fact or revision.</param>
/// <param name="Recorded">Its stream, version, sequence, recorded time and recording metadata.</param>
internal sealed record StoredEvent(ILedgerEvent Data, RecordedEvent Recorded)
{
    /// <summary>Gets where the event is stored.</summary>
    public EventAddress Address => new(Recorded.StreamId, Recorded.Version);
}
