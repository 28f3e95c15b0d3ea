using CooperationLedger.Facts;
using CooperationLedger.Hosting;
using CooperationLedger.Time;
using Marten;

namespace CooperationLedger.Sources;

/// <summary>
/// The citations of the facts and revisions an answer names, by fact id. Projected entries keep where each event is
/// stored rather than a copy of its citation, so an answer loads only the citations it cites, each from the event
/// itself; a replay in memory has them from the events it folds.
/// </summary>
internal sealed class CitationLookup(IReadOnlyDictionary<Guid, Citation> citations)
{
    /// <summary>Gets the lookup of an answer that cites nothing.</summary>
    public static CitationLookup None { get; } = new(new Dictionary<Guid, Citation>());

    /// <summary>
    /// Gets the addresses of the events whose citations an answer from <paramref name="resolved"/> can cite: each fact
    /// resolved, and the revisions applied to it.
    /// </summary>
    public static IReadOnlyCollection<EventAddress> Needed(IEnumerable<AsOfResolution> resolved) =>
        resolved.SelectMany(resolution => resolution.Addresses).ToHashSet();

    /// <summary>
    /// Loads the citations of the events at <paramref name="addresses"/>, by the stream-and-version index of the events
    /// table, in the session's tenant: PostgreSQL returns each event's fact id and citation alone, so the rest of the
    /// event is neither sent nor read, and each citation is deserialized straight from its column, rather than through
    /// Marten's document query, which wraps every row as a JSON document to be parsed again.
    /// </summary>
    public static async Task<CitationLookup> LoadAsync(IQuerySession session, IReadOnlyCollection<EventAddress> addresses, CancellationToken cancellationToken)
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

    /// <summary>Gets the citation of a fact or revision.</summary>
    /// <exception cref="InvalidOperationException">The citation was not loaded: an entry refers to an event that is not stored.</exception>
    public Citation For(Guid factId) =>
        citations.TryGetValue(factId, out var citation)
            ? citation
            : throw new InvalidOperationException($"No stored event was found for fact {factId}, which a projected entry refers to; rebuild the projections (`ledger rebuild`).");
}
