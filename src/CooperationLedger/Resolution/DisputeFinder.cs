using CooperationLedger.Answers;
namespace CooperationLedger.Resolution;

/// <summary>Finds, among facts resolved as of one point, the matters on which sources state different figures.</summary>
internal static class DisputeFinder
{
    public static IReadOnlyList<Dispute> Find(IEnumerable<(AsOfResolution Resolution, string? Figure)> facts, CitationLookup citations) =>
        facts
            .Where(fact => fact.Resolution.Entry.Matter is not null && fact.Figure is not null)
            .GroupBy(fact => fact.Resolution.Entry.Matter!, StringComparer.Ordinal)
            .Where(group => group.Select(fact => fact.Figure).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(group => new Dispute(
                group.Key,
                group.OrderBy(fact => fact.Resolution.Entry.Key, StringComparer.Ordinal)
                    .Select(fact => new DisputedVersion(fact.Resolution.Entry.Id, fact.Resolution.Entry.Key, fact.Figure!, citations.For(fact.Resolution.Entry.Id)))
                    .ToArray()))
            .OrderBy(dispute => dispute.Matter, StringComparer.Ordinal)
            .ToArray();
}
