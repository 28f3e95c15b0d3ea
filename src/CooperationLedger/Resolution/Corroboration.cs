using CooperationLedger.Facts;

namespace CooperationLedger.Resolution;

/// <summary>
/// Which facts corroborate which, by one rule for the answers and the audit: another document stating the same figure in
/// the same scale on the same matter, or a report linked as the same fact (<see cref="LinkKind.SameAs"/>) whose figure
/// agrees (<see cref="FigureSpan.Agree"/>) or that, like it, has none. A fact of the same document never corroborates by
/// its figure: one article does not confirm itself.
/// </summary>
internal static class Corroboration
{
    /// <summary>Gets whether <paramref name="other"/> corroborates <paramref name="one"/>, each with what it is compared by as of the point.</summary>
    public static bool Corroborates(LedgerEntry one, (string Scale, string Figure)? mine, LedgerEntry other, (string Scale, string Figure)? theirs)
    {
        if (one.Links.Any(link => link.Kind == LinkKind.SameAs && link.TargetId == other.Id) || other.Links.Any(link => link.Kind == LinkKind.SameAs && link.TargetId == one.Id))
        {
            return (mine, theirs) switch
            {
                (null, null) => true,
                ({ } a, { } b) => a.Scale == b.Scale && FigureSpan.Agree(a.Scale, [a.Figure, b.Figure]),
                _ => false,
            };
        }

        return mine is not null && mine == theirs && one.Matter is not null && one.Matter == other.Matter
            && FactIds.Split(one.Key).Document != FactIds.Split(other.Key).Document;
    }

    /// <param name="facts">Each fact with what it is compared by, as of the point.</param>
    /// <returns>For each fact corroborated, the keys of the facts that corroborate it, in key order.</returns>
    public static IReadOnlyDictionary<Guid, IReadOnlyList<string>> Among(IReadOnlyList<(LedgerEntry Entry, (string Scale, string Figure)? Compared)> facts)
    {
        var byId = facts.ToDictionary(fact => fact.Entry.Id);

        // The candidates: the other facts of its matter, and the reports linked to it as the same fact.
        var matters = facts.Where(fact => fact.Entry.Matter is not null).ToLookup(fact => fact.Entry.Matter!, StringComparer.Ordinal);
        var linked = facts
            .SelectMany(fact => fact.Entry.Links.Where(link => link.Kind == LinkKind.SameAs && byId.ContainsKey(link.TargetId)).SelectMany(link => new[] { (fact.Entry.Id, Other: byId[link.TargetId]), (link.TargetId, Other: fact) }))
            .ToLookup(pair => pair.Item1, pair => pair.Other);
        IEnumerable<(LedgerEntry Entry, (string Scale, string Figure)? Compared)> Candidates((LedgerEntry Entry, (string Scale, string Figure)? Compared) fact) =>
            (fact.Entry.Matter is { } matter ? matters[matter] : []).Concat(linked[fact.Entry.Id]);

        return facts
            .Select(fact => (fact.Entry.Id, By: Candidates(fact)
                .Where(other => other.Entry.Id != fact.Entry.Id && Corroborates(fact.Entry, fact.Compared, other.Entry, other.Compared))
                .Select(other => other.Entry.Key)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToArray()))
            .Where(found => found.By.Length > 0)
            .ToDictionary(found => found.Id, found => (IReadOnlyList<string>)found.By);
    }
}
