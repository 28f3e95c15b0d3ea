namespace CooperationLedger.Actors;

/// <summary>How a user's text picks out actors: by key, name or alias, or by ISO country code, ignoring case.</summary>
internal static class ActorMatch
{
    public static bool Matches(Actor actor, string? query) =>
        query is null
        || actor.IsNamed(query)
        || string.Equals(actor.Country, query, StringComparison.OrdinalIgnoreCase);
}
