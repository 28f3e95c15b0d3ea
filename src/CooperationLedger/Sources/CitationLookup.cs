using CooperationLedger.Facts;
using CooperationLedger.Time;
using JasperFx.Events;
using Marten;
using Marten.Linq.MatchesSql;

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

    /// <summary>Loads the citations of the events at <paramref name="addresses"/>, by the stream-and-version index of the events table.</summary>
    public static async Task<CitationLookup> LoadAsync(IQuerySession session, IReadOnlyCollection<EventAddress> addresses, CancellationToken cancellationToken)
    {
        if (addresses.Count == 0)
        {
            return new CitationLookup(new Dictionary<Guid, Citation>());
        }

        object streams = addresses.Select(address => address.StreamId).ToArray();
        object versions = addresses.Select(address => address.Version).ToArray();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.MatchesSql("(d.stream_id, d.version) in (select * from unnest(?, ?))", streams, versions))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return new CitationLookup(events.Select(e => e.Data).OfType<ILedgerEvent>().ToDictionary(e => e.FactId, e => e.Citation));
    }

    /// <summary>Gets the citation of a fact or revision.</summary>
    /// <exception cref="InvalidOperationException">The citation was not loaded: an entry refers to an event that is not stored.</exception>
    public Citation For(Guid factId) =>
        citations.TryGetValue(factId, out var citation)
            ? citation
            : throw new InvalidOperationException($"No stored event was found for fact {factId}, which a projected entry refers to; rebuild the projections (`ledger rebuild`).");
}
