namespace CooperationLedger.Facts;

/// <summary>Parties met, or one visited another, or such a meeting was scheduled.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Kind">What kind of encounter it was.</param>
/// <param name="Participants">Who took part, at least two.</param>
/// <param name="Place">Where, if the source says.</param>
/// <param name="Subjects">What was discussed.</param>
/// <param name="Effective">When.</param>
/// <param name="Stage">Realised when held; pledged when agreed or scheduled for later.</param>
/// <param name="Matter">The matter key shared with other reports of the same meeting, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record MeetingHeld(
    Guid FactId,
    string Key,
    MeetingKind Kind,
    IReadOnlyList<Actor> Participants,
    string? Place,
    IReadOnlyList<string> Subjects,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>meeting_held</c>.</summary>
    internal static readonly FactKind<MeetingHeld> Descriptor = new("meeting_held", Read)
    {
        DefaultStage = Stage.Realised,
        Summary = e => $"{e.Kind.ToString().ToLowerInvariant()}{FactWording.Planned(e.Stage)}: {FactWording.Names(e.Participants)}{FactWording.In(e.Place)}",
        Actors = e => e.Participants,
        Sampler = Sample,
        SampleWeight = 1,
        Example = """
            date: 2011-03-02
            kind: visit
            participants: [nogoybayev, unodc]
            place: Bishkek
            subjects: [heroin trafficking]
            """,
    };

    private static MeetingHeld? Read(IFactReading r, FactHeader h)
    {
        var kind = r.Fields.Choice<MeetingKind>("kind") ?? MeetingKind.Meeting;
        var participants = r.ActorList("participants", minimum: 2);
        var place = r.Fields.Text("place", maxLength: 300);
        var subjects = r.Fields.Texts("subjects");
        return participants.Count < 2 ? null
            : new MeetingHeld(h.Id, h.Key, kind, participants, place, subjects, h.Effective, h.Stage, h.Matter, h.Citation) { Links = h.Links, Expected = h.Expected };
    }

    private static FactSample Sample(FactSampler s)
    {
        var (id, key, day) = (s.Id, s.Key, s.Day);
        var people = s.PickDistinct(s.Officials, 2);
        return new FactSample(
            $"{people[0].Name} met {people[1].Name} on {day} to discuss {s.Pick(s.Areas)}.",
            c => new MeetingHeld(id, key, MeetingKind.Meeting, people, null, [], day, Stage.Realised, null, c),
            Stance.Source,
            null);
    }
}
