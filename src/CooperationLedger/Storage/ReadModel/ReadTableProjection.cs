using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>
/// Writes the read tables' rows of the events an append adds, in the append's own transaction (an inline projection):
/// a row per event, from the event alone, so that no earlier row is read or rewritten. The bulk path
/// (<see cref="CopyAppend"/>) and the rebuild write the same rows by COPY.
/// </summary>
internal sealed class ReadTableProjection : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var schema = operations.DocumentStore.Options.Events.DatabaseSchemaName;
        var serializer = operations.DocumentStore.Options.Serializer();
        var (insertFact, insertRevision) = (ReadTables.Insert(schema, ReadTables.Facts, ReadTables.FactColumns), ReadTables.Insert(schema, ReadTables.Revisions, ReadTables.RevisionColumns));
        foreach (var e in events)
        {
            var (recordedAt, position) = (Instant.FromDateTimeOffset(e.Timestamp), new StreamPosition(e.StreamId, e.Version));
            switch (e.Data)
            {
                case IReportedFact fact:
                    operations.QueueSqlCommand(insertFact, ReadTables.Values(operations.TenantId, FactRow.Of(fact, recordedAt, position, serializer), ReadTables.FactColumns));
                    break;
                case IRevision revision:
                    operations.QueueSqlCommand(insertRevision, ReadTables.Values(operations.TenantId, RevisionRow.Of(revision, recordedAt, position), ReadTables.RevisionColumns));
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
