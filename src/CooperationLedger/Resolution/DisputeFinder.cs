using CooperationLedger.Answers;
using CooperationLedger.Facts;

namespace CooperationLedger.Resolution;

/// <summary>
/// Finds, among facts resolved as of one point, the matters on which sources state figures that cannot both be true:
/// the facts of one matter whose figures share a scale (one metric in one normalised unit) dispute when no value fits
/// them all (<see cref="FigureSpan.Agree"/>: "at least 300" and "exactly 300" agree, "300" and "400" do not), and those
/// that say which way a figure went (a change by its sign, a claim in words by its direction) dispute when they say
/// different ways. Two reports linked as the same fact (<see cref="LinkKind.SameAs"/>) dispute when their figures
/// cannot both be true, on their matter or, without one, on the linking fact's key, so that neither is counted as if
/// the other agreed. Facts whose figures measure different things dispute only when an encoder declared it, with a
/// <see cref="LinkKind.ConflictsWith"/> link. A fact can dispute one of its own document: an article that quotes two
/// officials' figures reports a dispute.
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

        var matters = figured.Where(fact => fact.Resolution.Entry.Matter is not null && fact.Compared is not null).GroupBy(fact => fact.Resolution.Entry.Matter!).ToArray();
        foreach (var group in matters.SelectMany(matter => matter.GroupBy(fact => fact.Compared!.Value.Scale, StringComparer.Ordinal)))
        {
            if (!FigureSpan.Agree(group.Key, group.Select(fact => fact.Compared!.Value.Figure)))
            {
                Add(group.First().Resolution.Entry.Matter!, group.Select(fact => fact.Resolution.Entry.Id));
            }
        }

        foreach (var matter in matters)
        {
            var directed = matter
                .Select(fact => (fact.Resolution.Entry.Id, Way: FigureSpan.DirectionOf(fact.Compared!.Value.Scale, fact.Compared.Value.Figure)))
                .Where(fact => fact.Way is not null)
                .ToArray();
            if (directed.Select(fact => fact.Way).Distinct().Count() > 1)
            {
                Add(matter.Key, directed.Select(fact => fact.Id));
            }
        }

        foreach (var (resolution, _, compared) in figured.Where(fact => fact.Compared is not null))
        {
            var entry = resolution.Entry;
            foreach (var same in entry.Links.Where(link => link.Kind == LinkKind.SameAs && byId.ContainsKey(link.TargetId)).Select(link => byId[link.TargetId]))
            {
                if (same.Compared is { } theirs && theirs.Scale == compared!.Value.Scale && !FigureSpan.Agree(theirs.Scale, [compared.Value.Figure, theirs.Figure]))
                {
                    Add(entry.Matter ?? entry.Key, [entry.Id, same.Resolution.Entry.Id]);
                }
            }
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
