namespace CooperationLedger.Facts;

/// <summary>Forces of one or more parties held, or planned, a joint exercise.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Participants">Who took part.</param>
/// <param name="Name">The exercise's name, or a description where it has none.</param>
/// <param name="Purpose">What it was for.</param>
/// <param name="Place">Where, if the source says.</param>
/// <param name="Effective">When.</param>
/// <param name="Stage">Realised when held; pledged when explored or planned.</param>
/// <param name="Matter">The matter key shared with other reports of the same exercise, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record ExerciseHeld(
    Guid FactId,
    string Key,
    IReadOnlyList<Actor> Participants,
    string Name,
    string? Purpose,
    string? Place,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>exercise_held</c>.</summary>
    internal static readonly FactKind<ExerciseHeld> Descriptor = new("exercise_held", Read)
    {
        DefaultStage = Stage.Realised,
        Summary = e => $"exercise{FactWording.Planned(e.Stage)}: {e.Name} ({FactWording.Names(e.Participants)})",
        Actors = e => e.Participants,
        Example = """
            date: 2011-08
            participants: [kg, cn]
            name: Tianshan-2011
            place: Issyk-Kul
            """,
    };

    private static ExerciseHeld? Read(IFactReading r, FactHeader h)
    {
        var participants = r.ActorList("participants", minimum: 1);
        var name = r.Fields.Text("name", required: true, 300);
        var purpose = r.Fields.Text("purpose", maxLength: 500);
        var place = r.Fields.Text("place", maxLength: 300);
        return participants.Count == 0 || name is null ? null
            : new ExerciseHeld(h.Id, h.Key, participants, name, purpose, place, h.Effective, h.Stage, h.Matter, h.Citation) { Links = h.Links, Expected = h.Expected };
    }
}
