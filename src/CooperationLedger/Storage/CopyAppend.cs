using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Resolution;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Internal.Storage;
using Marten.Storage;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CooperationLedger.Storage;

/// <summary>
/// The bulk path's writer for documents new to the ledger: their streams, events, indexed facts, articles and read rows
/// written with PostgreSQL's binary COPY inside the batch's own transaction, instead of row by row through Marten's
/// append and its inline projection. A read row is made from its event alone (<see cref="ReadRows"/>), so nothing
/// written before the batch is read or rewritten. Measured: see docs/performance.md, "Ingest".
/// </summary>
/// <remarks>
/// Only for a store whose event tables it knows how to fill (<see cref="Supports"/>: Guid stream ids, events not
/// partitioned by tenant, no other projection than the ledger's own); a document whose stream already exists, and any
/// batch on another store, goes through Marten's append. The rows are those Marten writes for the same append (a test
/// reads them back through Marten and compares them with an append through Marten).
/// </remarks>
internal static class CopyAppend
{
    /// <summary>Whether the store's event tables and projections are ones this writer fills as Marten would.</summary>
    public static bool Supports(IDocumentStore store) =>
        store is DocumentStore { Options: var options }
        && options.Events is EventGraph events
        && events.StreamIdentity == StreamIdentity.AsGuid
        && !events.UseTenantPartitionedEvents
        && events.DcbStorageMode != DcbStorageMode.HStore
        && options.Projections.All.Count == 1
        && options.Projections.All[0].ImplementationType == typeof(ReadTableProjection);

    /// <summary>
    /// Creates or updates the tables it writes, as Marten does before it saves when the store may change its schema.
    /// Call it before the batch's transaction takes its locks: a table being altered waits for them.
    /// </summary>
    public static async Task EnsureStorageAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        if (store is DocumentStore { Options.AutoCreateSchemaObjects: JasperFx.AutoCreate.None })
        {
            return;
        }

        foreach (var type in new[] { typeof(IEvent), typeof(IndexedFact), typeof(StoredArticle), typeof(ActorRegistration), typeof(ReadTablesFeature) })
        {
            await store.Storage.Database.EnsureStorageExistsAsync(type, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes the documents' new events, each document to a new stream, with everything the ledger keeps for them, on
    /// the session's connection and in its transaction. Once the events are numbered, <paramref name="turn"/> is told, so
    /// that the next batch may number its own.
    /// </summary>
    public static async Task WriteAsync(IDocumentSession session, IReadOnlyList<(ParsedFactFile File, IReadOnlyList<ILedgerEvent> Events)> documents, string correlationId, BatchTurn turn, CancellationToken cancellationToken)
    {
        var store = session.DocumentStore;
        var events = (EventGraph)store.Options.Events;
        var serializer = store.Options.Serializer();
        var connection = session.Connection ?? throw new InvalidOperationException("The session has no open connection.");
        var tenant = await store.Options.Tenancy.GetTenantAsync(session.TenantId).ConfigureAwait(false);
        var rows = await NumberAsync(connection, events.DatabaseSchemaName, documents, events.TimeProvider, cancellationToken).ConfigureAwait(false);
        turn.MarkNumbered();

        await CopyStreamsAsync(connection, events.DatabaseSchemaName, session.TenantId, documents, cancellationToken).ConfigureAwait(false);
        await CopyEventsAsync(connection, events, serializer, session.TenantId, rows, correlationId, session.LastModifiedBy, cancellationToken).ConfigureAwait(false);
        await LoadAsync(tenant, serializer, connection, rows.Select(row => IndexedFact.Of(row.Event, row.File.Document.Key, row.StreamId)), cancellationToken).ConfigureAwait(false);
        await LoadAsync(tenant, serializer, connection, documents.Select(document => StoredArticle.Of(document.File)), cancellationToken).ConfigureAwait(false);
        var read = new ReadRows(serializer);
        foreach (var row in rows)
        {
            read.Add(row.Event, Instant.FromDateTimeOffset(row.RecordedAt), new StreamPosition(row.StreamId, row.Version));
        }

        await read.CopyAsync(connection, events.DatabaseSchemaName, session.TenantId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Gives every event its stream, its version in it, its place in the store's global sequence, and its recorded time:
    /// the store's clock read once per document, as Marten reads it once per stream appended.
    /// </summary>
    private static async Task<IReadOnlyList<Row>> NumberAsync(NpgsqlConnection connection, string schema, IReadOnlyList<(ParsedFactFile File, IReadOnlyList<ILedgerEvent> Events)> documents, TimeProvider clock, CancellationToken cancellationToken)
    {
        var count = documents.Sum(document => document.Events.Count);
        var sequence = new List<long>(count);
        await using (var command = new NpgsqlCommand($"select nextval('{schema}.mt_events_sequence') from generate_series(1, $1)", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = count });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sequence.Add(reader.GetInt64(0));
            }
        }

        var rows = new List<Row>(count);
        foreach (var (file, fresh) in documents)
        {
            var streamId = FactIds.ForDocument(file.Document.Key);
            var recordedAt = clock.GetUtcNow();
            for (var i = 0; i < fresh.Count; i++)
            {
                rows.Add(new Row(sequence[rows.Count], Guid.CreateVersion7(), streamId, i + 1, recordedAt, fresh[i], file));
            }
        }

        return rows;
    }

    private static async Task CopyStreamsAsync(NpgsqlConnection connection, string schema, string tenantId, IReadOnlyList<(ParsedFactFile File, IReadOnlyList<ILedgerEvent> Events)> documents, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"copy {schema}.mt_streams (id, type, version, tenant_id, is_archived) from stdin (format binary)", cancellationToken).ConfigureAwait(false);
        foreach (var (file, fresh) in documents)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(FactIds.ForDocument(file.Document.Key), NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync((long)fresh.Count, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(tenantId, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the events as Marten's append does: the serializer's JSON, the event type's alias and .NET type name, the
    /// recorded time, the tenant, and the metadata the store keeps (correlation id, causation id = the document's key,
    /// the fact file's name as a header, the user).
    /// </summary>
    private static async Task CopyEventsAsync(NpgsqlConnection connection, EventGraph events, ISerializer serializer, string tenantId, IReadOnlyList<Row> rows, string correlationId, string? userName, CancellationToken cancellationToken)
    {
        var metadata = events.MetadataConfig;
        var columns = new List<string> { "seq_id", "id", "stream_id", "version", "data", "type", "timestamp", "tenant_id", "mt_dotnet_type", "is_archived" };
        columns.AddRange(new[]
        {
            metadata.CorrelationIdEnabled ? "correlation_id" : null,
            metadata.CausationIdEnabled ? "causation_id" : null,
            metadata.HeadersEnabled ? "headers" : null,
            metadata.UserNameEnabled ? "user_name" : null,
        }.OfType<string>());
        await using var copy = await connection.BeginBinaryImportAsync($"copy {events.DatabaseSchemaName}.mt_events ({string.Join(", ", columns)}) from stdin (format binary)", cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var mapping = events.EventMappingFor(row.Event.GetType());
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.Sequence, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.StreamId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.Version, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(serializer.ToJson(row.Event), NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(mapping.EventTypeName, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(row.RecordedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(tenantId, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(mapping.DotNetTypeName, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
            if (metadata.CorrelationIdEnabled)
            {
                await copy.WriteAsync(correlationId, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            }

            if (metadata.CausationIdEnabled)
            {
                await copy.WriteAsync(row.File.Document.Key, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            }

            if (metadata.HeadersEnabled)
            {
                await copy.WriteAsync(serializer.ToJson(StoredJsonNames.HeadersOf(row.File)), NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
            }

            if (metadata.UserNameEnabled)
            {
                await WriteNullableAsync(copy, userName, cancellationToken).ConfigureAwait(false);
            }
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Inserts documents with Marten's own COPY loader for their type, on this connection and in its transaction.</summary>
    internal static async Task LoadAsync<T>(Tenant tenant, ISerializer serializer, NpgsqlConnection connection, IEnumerable<T> documents, CancellationToken cancellationToken)
        where T : notnull
    {
        var all = documents as IReadOnlyCollection<T> ?? documents.ToArray();
        if (all.Count == 0)
        {
            return;
        }

        var provider = (MartenDocumentProvider<T>)tenant.Database.Providers.StorageFor<T>();
        await provider.BulkLoader.LoadAsync(tenant, serializer, connection, all, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="Sequence">The event's place in the store's global sequence.</param>
    /// <param name="Id">The event's own id (the fact's id is in its data).</param>
    /// <param name="StreamId">The document's stream.</param>
    /// <param name="Version">The event's version in the stream.</param>
    /// <param name="RecordedAt">When the ledger recorded it.</param>
    /// <param name="Event">The event.</param>
    /// <param name="File">The document it was read from.</param>
    private sealed record Row(long Sequence, Guid Id, Guid StreamId, long Version, DateTimeOffset RecordedAt, ILedgerEvent Event, ParsedFactFile File);
}
