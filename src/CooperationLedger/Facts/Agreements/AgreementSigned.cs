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
public sealed record AgreementSigned(
    Guid FactId,
    string Key,
    IReadOnlyList<Actor> Parties,
    IReadOnlyList<string> Areas,
    string? Title,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>agreement_signed</c>; feeds the agreements view.</summary>
    internal static readonly FactKind<AgreementSigned> Descriptor = new("agreement_signed", Read)
    {
        DefaultStage = Stage.Realised,
        Summary = e => $"{FactWording.Names(e.Parties)} agreed to cooperate on {FactWording.Names(e.Areas)}",
        Actors = e => e.Parties,
        Agreement = e => new AgreementParts(e.Parties, e.Areas, e.Title),
        Sampler = Sample,
        SampleWeight = 1,
        Example = """
            date: 2011-09-05
            parties: [cn, kg]
            areas: [drug trafficking, border security]
            title: Memorandum on border security
            """,
    };

    private static AgreementSigned? Read(IFactReading r, FactHeader h)
    {
        var parties = r.ActorList("parties", minimum: 2);
        var areas = r.Fields.Texts("areas", required: true);
        var title = r.Fields.Text("title", maxLength: 300);
        return parties.Count < 2 ? null : new AgreementSigned(h.Id, h.Key, parties, areas, title, h.Effective, h.Stage, h.Matter, h.Citation);
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
