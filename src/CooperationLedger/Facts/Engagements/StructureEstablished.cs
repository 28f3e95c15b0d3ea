namespace CooperationLedger.Facts;

/// <summary>A new body, office, group or centre was set up, or announced.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Establisher">Who sets it up.</param>
/// <param name="Name">What it is called, or a description.</param>
/// <param name="StructureKind">What kind of structure ("regional operational group", "office", "counter-terrorism centre").</param>
/// <param name="Location">Where it sits, if the source says.</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="Effective">When it was set up or is to be.</param>
/// <param name="Stage">Realised when set up; pledged when announced.</param>
/// <param name="Matter">The matter key shared with other reports of the same structure, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record StructureEstablished(
    Guid FactId,
    string Key,
    Actor Establisher,
    string Name,
    string StructureKind,
    string? Location,
    string? Purpose,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>structure_established</c>.</summary>
    internal static readonly FactKind<StructureEstablished> Descriptor = new("structure_established", Read)
    {
        DefaultStage = Stage.Realised,
        Summary = e => $"{e.Establisher.Name} {FactWording.Verb(e.Stage, "set up", "set up")} {e.Name}{FactWording.Planned(e.Stage)}",
        Actors = e => [e.Establisher],
        Example = """
            date: 2011-02
            establisher: kg-dca
            name: the Osh regional office
            structureKind: regional office
            location: Osh
            """,
    };

    private static StructureEstablished? Read(IFactReading r, FactHeader h)
    {
        var establisher = r.Actor("establisher");
        var name = r.Fields.Text("name", required: true, 300);
        var kind = r.Fields.Text("structureKind", required: true, 200);
        var location = r.Fields.Text("location", maxLength: 300);
        var purpose = r.Fields.Text("purpose", maxLength: 500);
        return establisher is null || name is null || kind is null ? null
            : new StructureEstablished(h.Id, h.Key, establisher, name, kind, location, purpose, h.Effective, h.Stage, h.Matter, h.Citation) { Links = h.Links, Expected = h.Expected };
    }
}
