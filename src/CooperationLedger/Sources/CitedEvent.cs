namespace CooperationLedger.Sources;

/// <summary>The part of a stored event an answer cites: its fact id and its citation (see <see cref="CitationLookup"/>).</summary>
/// <param name="FactId">The event's fact id.</param>
/// <param name="Citation">Where the event comes from.</param>
internal sealed record CitedEvent(Guid FactId, Citation Citation);
