using CooperationLedger.Actors;
using CooperationLedger.Facts;
using CooperationLedger.Sources;
using CooperationLedger.Time;

namespace CooperationLedger.Agreements;

/// <summary>Computes the agreements known as of a point from agreement entries, however they were obtained.</summary>
internal static class AgreementsAnswer
{
    /// <param name="entries">The entries.</param>
    /// <param name="asOf">The as-of point.</param>
    /// <param name="party">A party every agreement must have, or <see langword="null"/>.</param>
    /// <param name="otherParty">Another party every agreement must have, or <see langword="null"/>.</param>
    /// <param name="actors">What the ledger knows of the parties named.</param>
    /// <param name="citations">The citations of the facts and revisions the answer cites.</param>
    public static IReadOnlyList<AgreementStatus> From(IEnumerable<AgreementEntry> entries, AsOf asOf, string? party, string? otherParty, ActorDirectory actors, CitationLookup citations) =>
        From(entries, asOf, [actors.Select(party), actors.Select(otherParty)], citations);

    private static AgreementStatus[] From(IEnumerable<AgreementEntry> entries, AsOf asOf, ActorSelection?[] parties, CitationLookup citations) =>
        entries
            .Where(entry => parties.All(wanted => wanted is null || entry.Parties.Any(wanted.Includes)))
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
