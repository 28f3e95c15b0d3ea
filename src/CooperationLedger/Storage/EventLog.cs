using System.Runtime.CompilerServices;
using CooperationLedger.Answers;
using CooperationLedger.Facts;
using Marten;
using Marten.Events;
using NodaTime;
using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>
/// Reads a ledger's events in the order recorded, straight from the events table: the columns an export, a check or a
/// rebuild needs, and each event's data deserialized by its stable type name, since Marten's own event query
/// materializes every event with all its metadata, which none of them reads. What is read is the same: the session's
/// tenant, events not archived.
/// </summary>
internal static class EventLog
{
    private static readonly Dictionary<string, Type> Types = FactCatalog.Events.ToDictionary(entry => entry.Name, entry => entry.Type, StringComparer.Ordinal);

    /// <summary>
    /// Streams the ledger events of the session's tenant, by their place in the store's sequence; once
    /// <paramref name="cancellationToken"/> is cancelled, stops at the next event.
    /// </summary>
    public static async IAsyncEnumerable<(ILedgerEvent Event, Recording Recording)> ReadAsync(IQuerySession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = (EventGraph)session.DocumentStore.Options.Events;
        var serializer = session.DocumentStore.Options.Serializer();
        var metadata = events.MetadataConfig;
        var correlation = metadata.CorrelationIdEnabled ? "correlation_id" : "null::varchar";
        var sourceFile = metadata.HeadersEnabled ? "headers ->> $3" : "null::text";
        var sql = $"select stream_id, version, seq_id, timestamp, type, {correlation}, {sourceFile}, data from {events.DatabaseSchemaName}.mt_events "
            + "where tenant_id = $1 and not is_archived and type = any($2) order by seq_id";
        await foreach (var row in SqlRows.ReadAsync(session, sql, [session.TenantId, Types.Keys.ToArray(), StoreCheck.NamesOf(serializer).SourceFileHeader], cancellationToken).ConfigureAwait(false))
        {
            // Npgsql's reader looks at the token only when it waits for the server, not for the rows it has buffered.
            cancellationToken.ThrowIfCancellationRequested();
            var recorded = new Recording(
                row.GetGuid(0),
                row.GetInt64(1),
                row.GetInt64(2),
                Instant.FromDateTimeOffset(row.GetFieldValue<DateTimeOffset>(3)),
                row.GetString(4),
                row.IsDBNull(5) ? null : row.GetString(5),
                row.IsDBNull(6) ? null : row.GetString(6));
            yield return (Deserialize(serializer, row, typeOrdinal: 4, dataOrdinal: 7), recorded);
        }
    }

    /// <summary>Reads the ledger event a row holds: its type's alias at <paramref name="typeOrdinal"/>, its data at <paramref name="dataOrdinal"/>.</summary>
    public static ILedgerEvent Deserialize(ISerializer serializer, NpgsqlDataReader row, int typeOrdinal, int dataOrdinal) =>
        (ILedgerEvent)serializer.FromJson(Types[row.GetString(typeOrdinal)], row, dataOrdinal);
}
