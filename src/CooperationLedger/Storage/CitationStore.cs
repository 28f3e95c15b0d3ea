using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using Marten;

namespace CooperationLedger.Storage;

/// <summary>Where the citations of an answer come from: the events table, each citation read from its event.</summary>
internal static class CitationStore
{
    /// <summary>
    /// Loads the citations of the events at <paramref name="addresses"/>, by the stream-and-version index of the events
    /// table, in the session's tenant: PostgreSQL returns each event's fact id and citation alone, so the rest of the
    /// event is neither sent nor read, and each citation is deserialized straight from its column, rather than through
    /// Marten's document query, which wraps every row as a JSON document to be parsed again.
    /// </summary>
    public static async Task<CitationLookup> LoadAsync(IQuerySession session, IReadOnlyCollection<StreamPosition> addresses, CancellationToken cancellationToken)
    {
        var citations = new Dictionary<Guid, Citation>();
        if (addresses.Count == 0)
        {
            return new CitationLookup(citations);
        }

        var serializer = session.DocumentStore.Options.Serializer();
        var names = StoreCheck.NamesOf(serializer);
        var sql = $"select (d.data ->> $4)::uuid, d.data -> $5 from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events as d "
            + "where (d.stream_id, d.version) in (select * from unnest($1::uuid[], $2::bigint[])) and d.tenant_id = $3";
        object[] parameters = [addresses.Select(address => address.StreamId).ToArray(), addresses.Select(address => address.Version).ToArray(), session.TenantId, names.FactId, names.Citation];
        await foreach (var row in SqlRows.ReadAsync(session, sql, parameters, cancellationToken).ConfigureAwait(false))
        {
            citations[row.GetGuid(0)] = serializer.FromJson<Citation>(row, 1);
        }

        return new CitationLookup(citations);
    }
}
