using CooperationLedger.Facts;

namespace CooperationLedger.Resolution;

/// <summary>
/// Finds, among facts resolved as of one point, which corroborate which, by the rule the audit uses: another document
/// stating the same figure in the same scale on the same matter, or a report linked as the same fact whose figure
/// agrees (<see cref="FigureSpan.Agree"/>). A fact of the same document never corroborates: one article does not
/// confirm itself.
/// </summary>
internal static class Corroboration
{
    /// <param name="facts">Each fact with what it is compared by, as of the point.</param>
    /// <returns>For each fact corroborated, the keys of the facts that corroborate it, in key order.</returns>
    public static IReadOnlyDictionary<Guid, IReadOnlyList<string>> Among(IReadOnlyList<(LedgerEntry Entry, (string Scale, string Figure)? Compared)> facts)
    {
        var byId = facts.ToDictionary(fact => fact.Entry.Id);
        var found = new Dictionary<Guid, SortedSet<string>>();
        foreach (var group in facts.Where(fact => fact.Entry.Matter is not null && fact.Compared is not null).GroupBy(fact => (fact.Entry.Matter, fact.Compared!.Value)))
        {
            foreach (var fact in group)
            {
                foreach (var other in group.Where(other => DocumentOf(other.Entry.Key) != DocumentOf(fact.Entry.Key)))
                {
                    Add(fact.Entry.Id, other.Entry.Key);
                }
            }
        }

        foreach (var fact in facts.Where(fact => fact.Compared is not null))
        {
            foreach (var link in fact.Entry.Links.Where(link => link.Kind == LinkKind.SameAs && byId.ContainsKey(link.TargetId)))
            {
                var other = byId[link.TargetId];
                if (other.Compared is { } theirs && theirs.Scale == fact.Compared!.Value.Scale && FigureSpan.Agree(theirs.Scale, [fact.Compared.Value.Figure, theirs.Figure]))
                {
                    Add(fact.Entry.Id, other.Entry.Key);
                    Add(other.Entry.Id, fact.Entry.Key);
                }
            }
        }

        return found.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)[.. pair.Value]);

        void Add(Guid id, string key)
        {
            if (!found.TryGetValue(id, out var keys))
            {
                found[id] = keys = new SortedSet<string>(StringComparer.Ordinal);
            }

            keys.Add(key);
        }
    }

    private static string DocumentOf(string key) => key[..key.IndexOf('/', StringComparison.Ordinal)];
}
