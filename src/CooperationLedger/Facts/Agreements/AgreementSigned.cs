using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>Parties agreed to cooperate, on the areas listed, from the effective date.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Parties">The parties, at least two.</param>
/// <param name="Areas">The areas of cooperation, as the source lists them.</param>
/// <param name="Title">The agreement's name, where the source gives one.</param>
/// <param name="Effective">When it was agreed; it is in effect from then.</param>
/// <param name="Stage">Realised when signed or agreed; pledged when only announced for the future.</param>
/// <param name="Matter">The matter key shared with other reports of the same agreement, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
/// <param name="Term">How long it runs, if the source says; <see langword="null"/> for an agreement with no stated end.</param>
public sealed record AgreementSigned(
    Guid FactId,
    string Key,
    IReadOnlyList<Actor> Parties,
    IReadOnlyList<string> Areas,
    string? Title,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AgreementTerm? Term = null) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>agreement_signed</c>; feeds the agreements view.</summary>
    internal static readonly FactKind<AgreementSigned> Descriptor = new("agreement_signed", Read)
    {
        DefaultStage = Stage.Realised,
        Summary = e => $"{FactWording.Names(e.Parties)} agreed to cooperate on {FactWording.Names(e.Areas)}",
        Actors = e => e.Parties,
        Agreement = e => new AgreementParts(e.Parties, e.Areas, e.Title, e.Term),
        Sampler = Sample,
        SampleWeight = 1,
        Example = """
            date: 2011-09-05
            parties: [cn, kg]
            areas: [drug trafficking, border security]
            title: Memorandum on border security
            term: { years: 5, verbatim: for five years }
            """,
    };

    private static AgreementSigned? Read(IFactReading r, FactHeader h)
    {
        var parties = r.ActorList("parties", minimum: 2);
        var areas = r.Fields.Texts("areas", required: true);
        var title = r.Fields.Text("title", maxLength: 300);
        var term = ReadTerm(r);
        return parties.Count < 2 ? null : new AgreementSigned(h.Id, h.Key, parties, areas, title, h.Effective, h.Stage, h.Matter, h.Citation, term) { Links = h.Links, Expected = h.Expected };
    }

    /// <summary>Reads <c>term: { until: 2004 }</c> or <c>term: { years: 3, months: 6 }</c>, each with an optional <c>verbatim</c>.</summary>
    private static AgreementTerm? ReadTerm(IFactReading r)
    {
        var term = r.Fields.Map("term");
        if (term is null)
        {
            return null;
        }

        var until = r.Date(term, "until", required: false, anchor: r.PublicationDay);
        var years = term.Integer("years", min: 1, max: 100);
        var months = term.Integer("months", min: 1, max: 1200);
        var verbatim = term.Text("verbatim", maxLength: 200);
        term.RejectUnknown();
        return term.Check("until", () => new AgreementTerm(until, years, months, verbatim));
    }

    private static FactSample Sample(FactSampler s)
    {
        var (id, key) = (s.Id, s.Key);
        var parties = s.PickDistinct(s.Countries, 2);
        var areas = s.PickDistinct(s.Areas, s.Next(1, 4));
        var stage = s.Roll() < 0.8 ? Stage.Realised : Stage.Pledged;
        var when = s.When(stage, 30, 400);
        return new FactSample(
            $"{parties[0].Name} and {parties[1].Name} {(stage == Stage.Pledged ? "will agree" : "agreed")} on {when} to co-operate on {string.Join("; ", areas)}.",
            c => new AgreementSigned(id, key, parties, areas, null, when, stage, null, c),
            Stance.Source,
            null);
    }
}
