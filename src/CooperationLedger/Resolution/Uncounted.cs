using CooperationLedger.Facts;

namespace CooperationLedger.Resolution;

/// <summary>
/// Which facts of an answer a total leaves out because other facts of it already count them. An umbrella statement is
/// left out when a detail of it (<see cref="LinkKind.PartOf"/>) is in the answer, and so is every umbrella above it
/// (a detail of a detail counts for both); details that name each other in a circle leave none out, since none is the
/// detail. Reports of one fact (<see cref="LinkKind.SameAs"/>, in either direction and through any chain) count once:
/// the report that names no other, else the first by key. A fact linked to one not in the answer (not yet reported as
/// of the point, or filtered out) is counted, since nothing else counts it. Nothing is ever left out for a link alone:
/// some fact of every group stays counted.
/// </summary>
internal static class Uncounted
{
    public static HashSet<Guid> Among(IReadOnlyCollection<LedgerEntry> entries)
    {
        var present = entries.ToDictionary(entry => entry.Id);
        var left = Umbrellas(entries, present);
        foreach (var group in SameFact(entries, present))
        {
            var counted = group.OrderBy(entry => entry.Links.Any(link => link.Kind == LinkKind.SameAs && present.ContainsKey(link.TargetId)))
                .ThenBy(entry => entry.Key, StringComparer.Ordinal)
                .First();
            left.UnionWith(group.Where(entry => entry != counted).Select(entry => entry.Id));
        }

        return left;
    }

    /// <summary>The umbrellas above the details that are no one's umbrella, through any chain of <see cref="LinkKind.PartOf"/>.</summary>
    private static HashSet<Guid> Umbrellas(IReadOnlyCollection<LedgerEntry> entries, Dictionary<Guid, LedgerEntry> present)
    {
        static IEnumerable<Guid> Above(LedgerEntry entry, Dictionary<Guid, LedgerEntry> present) =>
            entry.Links.Where(link => link.Kind == LinkKind.PartOf && present.ContainsKey(link.TargetId)).Select(link => link.TargetId);

        var targets = entries.SelectMany(entry => Above(entry, present)).ToHashSet();
        var umbrellas = new HashSet<Guid>();
        var pending = new Stack<Guid>(entries.Where(entry => !targets.Contains(entry.Id)).SelectMany(entry => Above(entry, present)));
        while (pending.TryPop(out var id))
        {
            if (umbrellas.Add(id))
            {
                foreach (var higher in Above(present[id], present))
                {
                    pending.Push(higher);
                }
            }
        }

        return umbrellas;
    }

    /// <summary>The groups of two or more facts that <see cref="LinkKind.SameAs"/> links join, in either direction.</summary>
    private static IEnumerable<List<LedgerEntry>> SameFact(IReadOnlyCollection<LedgerEntry> entries, Dictionary<Guid, LedgerEntry> present)
    {
        var root = entries.ToDictionary(entry => entry.Id, entry => entry.Id);
        Guid Find(Guid id) => root[id] == id ? id : root[id] = Find(root[id]);
        foreach (var entry in entries)
        {
            foreach (var link in entry.Links.Where(link => link.Kind == LinkKind.SameAs && present.ContainsKey(link.TargetId)))
            {
                root[Find(entry.Id)] = Find(link.TargetId);
            }
        }

        return entries.GroupBy(entry => Find(entry.Id)).Where(group => group.Count() > 1).Select(group => group.ToList());
    }
}
