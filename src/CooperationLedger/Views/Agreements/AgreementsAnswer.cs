using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using NodaTime;

namespace CooperationLedger.Views;

/// <summary>Computes the agreements known as of a point from agreement entries, however they were obtained.</summary>
internal static class AgreementsAnswer
{
    /// <summary>Resolves <paramref name="entries"/> at <paramref name="asOf"/> and computes the agreements from them.</summary>
    public static IReadOnlyList<AgreementStatus> From(IEnumerable<AgreementEntry> entries, AsOf asOf, string? party, string? otherParty, ActorDirectory actors, CitationLookup citations, LocalDate today) =>
        FromResolved(AsOfResolution.ResolveAll(entries, asOf), asOf, party, otherParty, actors, citations, today, []);

    /// <param name="resolutions">The agreement entries as resolved at the as-of point.</param>
    /// <param name="asOf">The as-of point: its effective day and rule decide each agreement's state.</param>
    /// <param name="party">A party every agreement must have, or <see langword="null"/>.</param>
    /// <param name="otherParty">Another party every agreement must have, or <see langword="null"/>.</param>
    /// <param name="actors">What the ledger knows of the parties named.</param>
    /// <param name="citations">The citations of the facts and revisions the answer cites.</param>
    /// <param name="today">The day the question is asked: the day states are for when the as-of point names no effective day.</param>
    /// <param name="endings">The facts, resolved at the same point, that end one of the agreements (<see cref="LinkKind.Ends"/>).</param>
    public static IReadOnlyList<AgreementStatus> FromResolved(IEnumerable<AsOfResolution> resolutions, AsOf asOf, string? party, string? otherParty, ActorDirectory actors, CitationLookup citations, LocalDate today, IReadOnlyList<(AsOfResolution Linking, FactLink Link)> endings) =>
        FromResolved(resolutions, asOf.Effective ?? today, asOf.Rule, [actors.Select(party), actors.Select(otherParty)], citations, endings);

    /// <summary>
    /// An agreement is in effect from its date until the end of its term: dates read under the rule, as the as-of
    /// point reads every date, so that under "certainly" a memorandum valid "until 2004" is in effect all of 2004, and
    /// under "possibly" it may have expired from its first day.
    /// </summary>
    private static AgreementState StateOn(LocalDate day, DateRule rule, Stage stage, ReportedDate effective, ReportedDate? endsOn, bool ended) =>
        ended ? AgreementState.Ended
        : stage is not (Stage.Realised or Stage.Committed) ? AgreementState.Announced
        : !effective.IsOnOrBefore(day, rule) ? AgreementState.NotYetInEffect
        : endsOn is not null && endsOn.IsOnOrBefore(day.PlusDays(-1), rule) ? AgreementState.Expired
        : AgreementState.InEffect;

    /// <remarks>
    /// A fact that ends an agreement counts once its own date is on or before the day under the rule; before then the
    /// agreement is in the state its date and term give it.
    /// </remarks>
    private static AgreementStatus[] FromResolved(IEnumerable<AsOfResolution> resolutions, LocalDate day, DateRule rule, ActorSelection?[] parties, CitationLookup citations, IReadOnlyList<(AsOfResolution Linking, FactLink Link)> endings) =>
        resolutions
            .Select(r => (Resolution: r, Agreement: (AgreementEntry)r.Entry))
            .Where(a => parties.All(wanted => wanted is null || a.Agreement.Parties.Any(wanted.Includes)))
            .Select(a => (a.Resolution, a.Agreement, EndsOn: a.Agreement.Term?.EndsFrom(a.Resolution.Effective),
                EndedBy: endings.Where(e => e.Link.Target == a.Agreement.Key && e.Linking.Effective.IsOnOrBefore(day, rule) && !EndsBefore(e.Linking.Effective, a.Resolution.Effective)).SelectMany(e => e.Linking.Sources(citations)).ToArray()))
            .Select(a => (a.Resolution, a.Agreement, a.EndsOn, a.EndedBy, State: StateOn(day, rule, a.Resolution.Stage, a.Resolution.Effective, a.EndsOn, a.EndedBy.Length > 0)))
            .Select(a => new AgreementStatus(
                a.Agreement.Id,
                a.Agreement.Key,
                a.Agreement.Parties,
                a.Agreement.Areas,
                a.Agreement.Title,
                a.Resolution.Effective,
                a.Resolution.Stage,
                a.State == AgreementState.InEffect,
                a.Resolution.Standing,
                a.Resolution.Sources(citations),
                a.State,
                a.Agreement.Term,
                a.EndsOn,
                day,
                a.EndedBy)
            {
                Due = a.Agreement.Expected,
            })
            .OrderBy(a => a.Effective.Earliest)
            .ThenBy(a => a.Key, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// Gets whether a closure is dated certainly before the agreement it names began: another document's closure cannot
    /// be refused when it is read, so the answer leaves it out rather than end an agreement before its start.
    /// </summary>
    private static bool EndsBefore(ReportedDate closure, ReportedDate agreement) => closure.Latest < agreement.Earliest;
}
