namespace CooperationLedger.Actors;

/// <summary>
/// The terms an actor can be found by in PostgreSQL: its key, name, aliases and country code, upper-cased with the
/// invariant culture, which is how <see cref="StringComparison.OrdinalIgnoreCase"/> compares. Projected entries keep
/// them in indexed array columns, so that an indexed containment test narrows to a superset of what
/// <see cref="ActorMatch"/> accepts.
/// </summary>
internal static class ActorTerms
{
    public static IReadOnlyList<string> Of(params IEnumerable<Actor> actors) =>
        actors.SelectMany(actor => new[] { actor.Id, actor.Name, actor.Country }.Concat(actor.Aliases))
            .OfType<string>()
            .Select(For)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Gets the term a user's text is looked up by.</summary>
    public static string For(string query) => query.ToUpperInvariant();

    /// <summary>
    /// Gets every pairing of a term of one actor with a term of another (see <see cref="Pair"/>): a pair of actors found by
    /// one key, whatever else either is found with.
    /// </summary>
    public static IReadOnlyList<string> Pairs(IReadOnlyList<string> first, IReadOnlyList<string> second) =>
        first.SelectMany(_ => second, Join).ToArray();

    /// <summary>
    /// Gets the pair term two users' texts are looked up by: the two terms joined by the unit separator (U+001F). Two
    /// different pairs that join to the same text only widen the narrowing, which stays a superset.
    /// </summary>
    public static string Pair(string first, string second) => Join(For(first), For(second));

    private static string Join(string first, string second) => first + '\u001F' + second;
}
