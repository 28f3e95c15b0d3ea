namespace CooperationLedger.Answers;

/// <summary>
/// What a text names where a question takes an actor (<see cref="Ledger.MatchActorAsync"/>): the registered actors it
/// selects (by key, name or alias, and the bodies of a country it names), the country whose ISO code it is, and, when
/// it names no one, the registered actors whose names are spelt nearest to it.
/// </summary>
/// <param name="Text">The text, as given.</param>
/// <param name="Actors">The keys of the registered actors it selects, in key order.</param>
/// <param name="Country">The ISO code of the country it names, or <see langword="null"/>.</param>
/// <param name="Suggestions">When it names no one, the nearest actors by spelling, nearest first (at most three); else empty.</param>
public sealed record ActorMatch(string Text, IReadOnlyList<string> Actors, string? Country, IReadOnlyList<ActorSuggestion> Suggestions)
{
    /// <summary>Gets a value indicating whether the text names anyone: a registered actor or a country.</summary>
    public bool Found => Actors.Count > 0 || Country is not null;
}

/// <summary>A registered actor whose key, name or alias is spelt like a text that names no one.</summary>
/// <param name="Key">The actor's key, which names it in any question.</param>
/// <param name="Name">Its name.</param>
/// <param name="Spelt">The key, name or alias nearest to the text.</param>
public sealed record ActorSuggestion(string Key, string Name, string Spelt);
