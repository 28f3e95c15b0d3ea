using CooperationLedger.Answers;

namespace CooperationLedger.Resolution;

/// <summary>
/// Where an event is stored: its stream and its version in that stream, unique within one tenant's ledger. Projected
/// entries keep it instead of a copy of the event's citation, and answers load the citations of the facts they name
/// from the events themselves (see <see cref="CitationLookup"/>).
/// </summary>
/// <param name="StreamId">The event's stream: the stream of the document it was read from.</param>
/// <param name="Version">The event's version in its stream.</param>
internal sealed record StreamPosition(Guid StreamId, long Version)
{
    /// <summary>Gets where a recorded event is stored.</summary>
    public static StreamPosition Of(Recording recording) => new(recording.StreamId, recording.Version);
}
