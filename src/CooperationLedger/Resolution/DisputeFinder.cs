using CooperationLedger.Answers;
using CooperationLedger.Facts;

namespace CooperationLedger.Resolution;

/// <summary>
/// Finds, among facts resolved as of one point, the matters on which sources state figures that cannot both be true:
/// two facts of one matter dispute when their figures share a scale (one metric in one normalised unit) and differ in
/// it; facts whose figures measure different things dispute only when an encoder declared it, with a
/// <see cref="LinkKind.ConflictsWith"/> link.
/// </summary>
internal static class DisputeFinder
{
    /// <param name="facts">Each fact with its figure as shown and what it is compared by, both as of the point.</param>
    /// <param name="citations">The citations of the facts.</param>
    public static IReadOnlyList<Dispute> Find(IEnumerable<(AsOfResolution Resolution, string? Figure, (string Scale, string Figure)? Compared)> facts, CitationLookup citations)
    {
        var figured = facts.Where(fact => fact.Figure is not null).ToArray();
        var byId = figured.ToDictionary(fact => fact.Resolution.Entry.Id);
        var disputed = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);

        var differing = figured
            .Where(fact => fact.Resolution.Entry.Matter is not null && fact.Compared is not null)
            .GroupBy(fact => (Matter: fact.Resolution.Entry.Matter!, fact.Compared!.Value.Scale))
            .Where(group => group.Select(fact => fact.Compared!.Value.Figure).Distinct(StringComparer.Ordinal).Count() > 1);
        foreach (var group in differing)
        {
            Add(group.Key.Matter, group.Select(fact => fact.Resolution.Entry.Id));
        }

        foreach (var (resolution, _, _) in figured)
        {
            var entry = resolution.Entry;
            var conflicting = entry.Links.Where(link => link.Kind == LinkKind.ConflictsWith && byId.ContainsKey(link.TargetId)).Select(link => link.TargetId).ToArray();
            if (conflicting.Length > 0)
            {
                Add(entry.Matter ?? entry.Key, [entry.Id, .. conflicting]);
            }
        }

        return disputed
            .Select(dispute => new Dispute(
                dispute.Key,
                dispute.Value.Select(id => byId[id])
                    .OrderBy(fact => fact.Resolution.Entry.Key, StringComparer.Ordinal)
                    .Select(fact => new DisputedVersion(fact.Resolution.Entry.Id, fact.Resolution.Entry.Key, fact.Figure!, citations.For(fact.Resolution.Entry.Id)))
                    .ToArray()))
            .OrderBy(dispute => dispute.Matter, StringComparer.Ordinal)
            .ToArray();

        void Add(string matter, IEnumerable<Guid> ids)
        {
            if (!disputed.TryGetValue(matter, out var set))
            {
                disputed[matter] = set = [];
            }

            set.UnionWith(ids);
        }
    }
}
