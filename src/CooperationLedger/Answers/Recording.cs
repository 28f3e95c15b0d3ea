using NodaTime;

namespace CooperationLedger.Answers;

/// <summary>Where and when the ledger holds an event: its stream, position, global sequence and recording metadata.</summary>
/// <param name="StreamId">The document stream that holds it.</param>
/// <param name="Version">Its position in that stream, from 1.</param>
/// <param name="Sequence">Its position in the whole event store.</param>
/// <param name="RecordedAt">When it was appended: the recorded axis.</param>
/// <param name="EventType">Its stable type name.</param>
/// <param name="CorrelationId">The correlation id of the ingest that appended it.</param>
/// <param name="SourceFile">The fact file it was read from, as recorded in the event's headers.</param>
public sealed record Recording(Guid StreamId, long Version, long Sequence, Instant RecordedAt, string EventType, string? CorrelationId, string? SourceFile);
