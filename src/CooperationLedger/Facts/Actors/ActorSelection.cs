namespace CooperationLedger.Facts;

/// <summary>
/// The actors a user's text names in one ledger, the same way in every question that takes an actor (donor, recipient,
/// claimant, subject, party, timeline actor): every actor whose key, name or alias the text is, ignoring case and Unicode
/// form; and where it names a country (so, or by its ISO 3166 code), every actor of that country as well: each whose
/// country it is (its agencies, ministries and people), and each of no country of its own that is a member of one of
/// them (<see cref="Actor.MemberOf"/>, through any chain of bodies). Built by <see cref="ActorDirectory.Select"/>.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal sealed class ActorSelection
{
    private readonly HashSet<string> keys;
    private readonly HashSet<string> countries;

    /// <param name="keys">The keys of the actors selected by name, and of the members of a country selected.</param>
    /// <param name="countries">The ISO codes of the countries selected.</param>
    public ActorSelection(IEnumerable<string> keys, IEnumerable<string> countries)
    {
        this.keys = keys.ToHashSet(StringComparer.Ordinal);
        this.countries = countries.ToHashSet(StringComparer.Ordinal);
        Terms = this.keys.Select(ActorTerms.For).Concat(this.countries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Keys = this.keys.Concat(this.countries.Select(code => code.ToLowerInvariant())).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Gets what the selected actors are found by in a term column (<see cref="ActorTerms"/>): their keys upper-cased and
    /// the countries' codes. Every entry of a selected actor holds one of them; an entry that holds one is decided by
    /// <see cref="Includes"/>.
    /// </summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Gets what the selected actors are found by in a timeline's key column: their keys, the countries' codes in lower case.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Gets the keys of the registered actors selected, in ordinal order.</summary>
    public IReadOnlyList<string> Named => keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Gets the ISO codes of the countries selected.</summary>
    public IReadOnlyCollection<string> Countries => countries;

    /// <summary>Tells whether the text names <paramref name="actor"/>.</summary>
    public bool Includes(Actor actor) =>
        keys.Contains(actor.Id) || (actor.Country is { } country && countries.Contains(country));

    /// <summary>Tells whether an optional selection admits <paramref name="actor"/>: no selection admits everyone.</summary>
    /// <param name="selection">The selection, or <see langword="null"/> when the question names no one.</param>
    /// <param name="actor">The actor.</param>
    public static bool Admits(ActorSelection? selection, Actor? actor) => selection is null || (actor is not null && selection.Includes(actor));
}
