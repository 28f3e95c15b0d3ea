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
}
