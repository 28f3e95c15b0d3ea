using CooperationLedger.Facts;

namespace CooperationLedger.Resolution;

/// <summary>
/// Which facts of an answer a total leaves out because other facts of it already count them: an umbrella statement
/// that another fact is <see cref="LinkKind.PartOf"/> (its details are counted instead), and another source's report
/// of a fact also in the answer (<see cref="LinkKind.SameAs"/>; of two reports that name each other, the first by key
/// is counted). A fact linked to one that is not in the answer (not yet reported as of the point, or filtered out)
/// is counted, since nothing else counts it.
/// </summary>
internal static class Uncounted
{
    public static HashSet<Guid> Among(IReadOnlyCollection<LedgerEntry> entries)
    {
        var present = entries.ToDictionary(entry => entry.Id);
        var left = entries.SelectMany(entry => entry.Links).Where(link => link.Kind == LinkKind.PartOf && present.ContainsKey(link.TargetId)).Select(link => link.TargetId).ToHashSet();
        foreach (var entry in entries)
        {
            var repeats = entry.Links.Any(link => link.Kind == LinkKind.SameAs
                && present.TryGetValue(link.TargetId, out var other)
                && !(other.Links.Any(back => back.Kind == LinkKind.SameAs && back.TargetId == entry.Id) && string.CompareOrdinal(entry.Key, other.Key) < 0));
            if (repeats)
            {
                left.Add(entry.Id);
            }
        }

        return left;
    }
}
