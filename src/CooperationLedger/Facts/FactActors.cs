namespace CooperationLedger.Facts;

/// <summary>The actors a fact involves, in the order the fact names them, without repeats.</summary>
internal static class FactActors
{
    /// <summary>
    /// Adds to <paramref name="directory"/> the actors an event declares, as its document declares them: a fact's own
    /// (<see cref="Of"/>), or the person a correction or retraction is attributed to.
    /// </summary>
    public static void Declare(this ActorDirectory directory, ILedgerEvent e)
    {
        var actors = e is IReportedFact fact ? Of(fact) : [.. new[] { e.Citation.AttributedTo }.OfType<Actor>()];
        foreach (var actor in actors)
        {
            directory.Declare(ActorRegistration.Of(actor, e.Citation.Document.Key));
        }
    }

    public static IReadOnlyList<Actor> Of(IReportedFact fact)
    {
        var actors = FactCatalog.KindOf(fact).ActorsOf(fact);
        return actors.Append(fact.Citation.AttributedTo)
            .OfType<Actor>()
            .DistinctBy(actor => actor.Id)
            .ToArray();
    }

    /// <summary>
    /// Gets the keys a fact is found by when an actor is named: each actor's key, and each actor's country code in lower
    /// case, so that a country finds the facts of its agencies and people.
    /// </summary>
    public static IReadOnlyList<string> KeysOf(IReadOnlyList<Actor> actors) =>
        actors.Select(actor => actor.Id)
            .Concat(actors.Where(actor => actor.Country is not null).Select(actor => actor.Country!.ToLowerInvariant()))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
