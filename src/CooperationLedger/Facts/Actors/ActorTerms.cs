namespace CooperationLedger.Facts;

/// <summary>
/// The terms an actor can be found by in PostgreSQL: its key, name, aliases and country code, upper-cased with the
/// invariant culture, which is how <see cref="StringComparison.OrdinalIgnoreCase"/> compares. Projected entries keep
/// them in indexed array columns, so that an indexed overlap test with an <see cref="ActorSelection"/>'s terms (the keys
/// and country codes it selects) narrows to a superset of what it includes.
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
    /// Gets the term a name is registered and looked up by (<see cref="ActorRegistration.Terms"/>): in one Unicode form
    /// (NFC), upper-cased, so that "Chiña" typed with a combining tilde is the same name.
    /// </summary>
    public static string ForName(string name) => name.Normalize(System.Text.NormalizationForm.FormC).ToUpperInvariant();

    /// <summary>
    /// Gets every pairing of a term of one actor with a term of another, joined by the unit separator (U+001F): a pair of
    /// actors found by one key, whatever else either is found with. Two different pairs that join to the same text only
    /// widen the narrowing, which stays a superset.
    /// </summary>
    public static IReadOnlyList<string> Pairs(IReadOnlyList<string> first, IReadOnlyList<string> second) =>
        first.SelectMany(_ => second, Join).ToArray();

    private static string Join(string first, string second) => first + '\u001F' + second;
}
