using CooperationLedger.Facts;

namespace CooperationLedger.Resolution;

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
    public static IReadOnlyCollection<StreamPosition> Needed(IEnumerable<AsOfResolution> resolved) =>
        resolved.SelectMany(resolution => resolution.Addresses).ToHashSet();

    /// <summary>Gets the citation of a fact or revision.</summary>
    /// <exception cref="InvalidOperationException">The citation was not loaded: an entry refers to an event that is not stored.</exception>
    public Citation For(Guid factId) =>
        citations.TryGetValue(factId, out var citation)
            ? citation
            : throw new InvalidOperationException($"No stored event was found for fact {factId}, which a projected entry refers to; rebuild the projections (`ledger rebuild`).");
}
