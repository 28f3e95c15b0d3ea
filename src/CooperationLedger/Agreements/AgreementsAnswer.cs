using CooperationLedger.Actors;
using CooperationLedger.Facts;
using CooperationLedger.Sources;
using CooperationLedger.Time;

namespace CooperationLedger.Agreements;

/// <summary>Computes the agreements known as of a point from agreement entries, however they were obtained.</summary>
internal static class AgreementsAnswer
{
    public static IReadOnlyList<AgreementStatus> From(IEnumerable<AgreementEntry> entries, AsOf asOf, string? party, string? otherParty, CitationLookup citations) =>
        entries
            .Where(entry => new[] { party, otherParty }.All(wanted => wanted is null || entry.Parties.Any(p => ActorMatch.Matches(p, wanted))))
            .Select(entry => AsOfResolution.Resolve(entry, asOf))
            .OfType<AsOfResolution>()
            .Select(r => (Resolution: r, Agreement: (AgreementEntry)r.Entry))
            .Select(a => new AgreementStatus(
                a.Agreement.Id,
                a.Agreement.Key,
                a.Agreement.Parties,
                a.Agreement.Areas,
                a.Agreement.Title,
                a.Resolution.Effective,
                a.Resolution.Stage,
                a.Resolution.Stage is Stage.Realised or Stage.Committed,
                a.Resolution.Standing,
                a.Resolution.Sources(citations)))
            .OrderBy(a => a.Effective.Earliest)
            .ThenBy(a => a.Key, StringComparer.Ordinal)
            .ToArray();
}
