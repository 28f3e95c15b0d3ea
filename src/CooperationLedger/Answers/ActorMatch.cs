namespace CooperationLedger.Answers;

/// <summary>
/// What a text names where a question takes an actor (<see cref="Ledger.MatchActorAsync"/>): the registered actors it
/// selects (by key, name or alias, and the bodies of a country it names), the countries it names, and, when
/// it names no one, the registered actors whose names are spelt nearest to it.
/// </summary>
/// <param name="Text">The text, as given.</param>
/// <param name="Actors">The keys of the registered actors it selects, in key order.</param>
/// <param name="Countries">
/// The ISO codes of the countries it names, in code order: the one whose code it is, and each country actor it names by
/// key, name or alias (a key may be spelt like another country's code, so there can be two). Empty when it names none.
/// </param>
/// <param name="Suggestions">When it names no one, the nearest actors by spelling, nearest first (at most three); else empty.</param>
public sealed record ActorMatch(string Text, IReadOnlyList<string> Actors, IReadOnlyList<string> Countries, IReadOnlyList<ActorSuggestion> Suggestions)
{
    /// <summary>Gets a value indicating whether the text names anyone: a registered actor or a country.</summary>
    public bool Found => Actors.Count > 0 || Countries.Count > 0;
}

/// <summary>A registered actor whose key, name or alias is spelt like a text that names no one.</summary>
/// <param name="Key">The actor's key, which names it in any question.</param>
/// <param name="Name">Its name.</param>
/// <param name="Spelt">The key, name or alias nearest to the text.</param>
public sealed record ActorSuggestion(string Key, string Name, string Spelt);
