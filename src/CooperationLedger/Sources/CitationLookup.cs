using CooperationLedger.Facts;
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
    /// <summary>
    /// Gets the addresses of the events whose citations an answer from <paramref name="entries"/> as of
    /// <paramref name="asOf"/> can cite: each fact resolved at that point, and the revisions applied to it.
    /// </summary>
    public static IReadOnlyCollection<EventAddress> Needed(IEnumerable<LedgerEntry> entries, AsOf asOf) =>
        entries.Select(entry => AsOfResolution.Resolve(entry, asOf))
            .OfType<AsOfResolution>()
            .SelectMany(resolution => resolution.Addresses)
            .ToHashSet();

    /// <summary>
    /// Loads the citations of the events at <paramref name="addresses"/>, by the stream-and-version index of the events
    /// table, in the session's tenant: PostgreSQL returns each event's fact id and citation alone, so the rest of the
    /// event is neither sent nor read.
    /// </summary>
    public static async Task<CitationLookup> LoadAsync(IQuerySession session, IReadOnlyCollection<EventAddress> addresses, CancellationToken cancellationToken)
    {
        if (addresses.Count == 0)
        {
            return new CitationLookup(new Dictionary<Guid, Citation>());
        }

        var events = $"{session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events";
        var cited = await session.QueryAsync<CitedEvent>(
            $"select jsonb_build_object('factId', d.data -> 'factId', 'citation', d.data -> 'citation') from {events} as d "
                + "where (d.stream_id, d.version) in (select * from unnest(?, ?)) and d.tenant_id = ?",
            cancellationToken,
            addresses.Select(address => address.StreamId).ToArray(),
            addresses.Select(address => address.Version).ToArray(),
            session.TenantId).ConfigureAwait(false);
        return new CitationLookup(cited.ToDictionary(e => e.FactId, e => e.Citation));
    }

    /// <summary>Gets the citation of a fact or revision.</summary>
    /// <exception cref="InvalidOperationException">The citation was not loaded: an entry refers to an event that is not stored.</exception>
    public Citation For(Guid factId) =>
        citations.TryGetValue(factId, out var citation)
            ? citation
            : throw new InvalidOperationException($"No stored event was found for fact {factId}, which a projected entry refers to; rebuild the projections (`ledger rebuild`).");
}
