using System.Runtime.CompilerServices;
using CooperationLedger.Audit;
using Marten;
using Marten.Events;
using NodaTime;
using Npgsql;

namespace CooperationLedger.Facts;

/// <summary>
/// Reads a ledger's events in the order recorded, straight from the events table: the columns an export, a check or a
/// rebuild needs, and each event's data deserialized by its stable type name. Marten's own event query materializes
/// every event with all its metadata: an export of 100,000 facts took twice the client's CPU through it. What is read
/// is the same: the session's tenant, events not archived.
/// </summary>
internal static class StoredEvents
{
    /// <summary>Streams the ledger events of the session's tenant, by their place in the store's sequence.</summary>
    public static async IAsyncEnumerable<StoredEvent> ReadAsync(IQuerySession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = (EventGraph)session.DocumentStore.Options.Events;
        var serializer = session.DocumentStore.Options.Serializer();
        var metadata = events.MetadataConfig;
        var types = FactTypes.All.ToDictionary(entry => entry.Alias, entry => entry.Type, StringComparer.Ordinal);
        var correlation = metadata.CorrelationIdEnabled ? "correlation_id" : "null::varchar";
        var sourceFile = metadata.HeadersEnabled ? "headers ->> 'source-file'" : "null::text";
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"select stream_id, version, seq_id, timestamp, type, {correlation}, {sourceFile}, data from {events.DatabaseSchemaName}.mt_events "
                + "where tenant_id = $1 and not is_archived and type = any($2) order by seq_id",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = session.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = types.Keys.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var type = reader.GetString(4);
            var recorded = new RecordedEvent(
                reader.GetGuid(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(3)),
                type,
                await reader.IsDBNullAsync(5, cancellationToken).ConfigureAwait(false) ? null : reader.GetString(5),
                await reader.IsDBNullAsync(6, cancellationToken).ConfigureAwait(false) ? null : reader.GetString(6));
            var data = (ILedgerEvent)serializer.FromJson(types[type], reader, 7);
            yield return new StoredEvent(data, recorded);
        }
    }
}
