using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;

namespace CooperationLedger.Views;

/// <summary>Computes the agreements known as of a point from agreement entries, however they were obtained.</summary>
internal static class AgreementsAnswer
{
    /// <summary>Resolves <paramref name="entries"/> at <paramref name="asOf"/> and computes the agreements from them.</summary>
    public static IReadOnlyList<AgreementStatus> From(IEnumerable<AgreementEntry> entries, AsOf asOf, string? party, string? otherParty, ActorDirectory actors, CitationLookup citations) =>
        FromResolved(AsOfResolution.ResolveAll(entries, asOf), party, otherParty, actors, citations);

    /// <param name="resolutions">The agreement entries as resolved at the as-of point.</param>
    /// <param name="party">A party every agreement must have, or <see langword="null"/>.</param>
    /// <param name="otherParty">Another party every agreement must have, or <see langword="null"/>.</param>
    /// <param name="actors">What the ledger knows of the parties named.</param>
    /// <param name="citations">The citations of the facts and revisions the answer cites.</param>
    public static IReadOnlyList<AgreementStatus> FromResolved(IEnumerable<AsOfResolution> resolutions, string? party, string? otherParty, ActorDirectory actors, CitationLookup citations) =>
        FromResolved(resolutions, [actors.Select(party), actors.Select(otherParty)], citations);

    private static AgreementStatus[] FromResolved(IEnumerable<AsOfResolution> resolutions, ActorSelection?[] parties, CitationLookup citations) =>
        resolutions
            .Select(r => (Resolution: r, Agreement: (AgreementEntry)r.Entry))
            .Where(a => parties.All(wanted => wanted is null || a.Agreement.Parties.Any(wanted.Includes)))
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
