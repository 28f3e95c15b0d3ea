namespace CooperationLedger.Facts;

/// <summary>
/// Something reported that fits no other kind (a change of command, diplomats expelled, a crossing closed), kept in the
/// source's words so that it stands in the timeline and the audit rather than in the wrong kind or nowhere.
/// </summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Actors">Who it involves, at least one.</param>
/// <param name="Description">What happened, in a sentence close to the source's.</param>
/// <param name="Effective">When.</param>
/// <param name="Stage">Realised when it happened; pledged when announced for later.</param>
/// <param name="Matter">The matter key shared with other reports of the same thing, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record OtherFactReported(
    Guid FactId,
    string Key,
    IReadOnlyList<Actor> Actors,
    string Description,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>reported_fact</c>; feeds the timeline only.</summary>
    internal static readonly FactKind<OtherFactReported> Descriptor = new("reported_fact", Read)
    {
        DefaultStage = Stage.Realised,
        Summary = e => $"{FactWording.Names(e.Actors)}: {e.Description}{FactWording.Planned(e.Stage)}",
        Actors = e => e.Actors,
        Example = """
            date: 2011-06-07
            actors: [kg, cn]
            description: the Torugart crossing was closed for a week
            """,
    };

    private static OtherFactReported? Read(IFactReading r, FactHeader h)
    {
        var actors = r.ActorList("actors", minimum: 1);
        var description = r.Fields.Text("description", required: true, 500);
        return actors.Count == 0 || description is null ? null
            : new OtherFactReported(h.Id, h.Key, actors, description, h.Effective, h.Stage, h.Matter, h.Citation) { Links = h.Links, Expected = h.Expected };
    }
}
