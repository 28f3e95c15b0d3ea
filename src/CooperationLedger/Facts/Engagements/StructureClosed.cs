
namespace CooperationLedger.Facts;

/// <summary>
/// A structure or agreement was abolished, closed or terminated: an event of its own, after whose date the fact it names
/// (<see cref="Closes"/>) is no longer in place; an agreement it ends is <c>Ended</c> in the agreements answer.
/// </summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="By">Who closed it, if the source says.</param>
/// <param name="Name">What was closed, as the source names it ("the Osh regional office").</param>
/// <param name="Closes">The key of the fact that established or agreed it, <c>document-key/fact-key</c>; it need not be ingested yet.</param>
/// <param name="Reason">Why, if the source says.</param>
/// <param name="Effective">When it was closed, or is to be.</param>
/// <param name="Stage">Realised when it was closed; pledged when announced for later.</param>
/// <param name="Matter">The matter key, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record StructureClosed(
    Guid FactId,
    string Key,
    IReadOnlyList<Actor> By,
    string Name,
    string Closes,
    string? Reason,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>structure_closed</c>; feeds the timeline, and ends the agreement it names.</summary>
    internal static readonly FactKind<StructureClosed> Descriptor = new("structure_closed", Read)
    {
        DefaultStage = Stage.Realised,
        Summary = e => $"{(e.By.Count == 0 ? "closed:" : FactWording.Names(e.By) + " " + FactWording.Verb(e.Stage, "close", "closed"))} {e.Name}{(e.Reason is null ? string.Empty : $" ({e.Reason})")}{FactWording.Planned(e.Stage)}",
        Actors = e => e.By,
        Example = """
            date: 2011-11
            by: [kg]
            name: the counter-terrorism centre
            closes: cao-2011-gknb-cooperation/counter-terrorism-centre
            reason: merged into the GKNB
            """,
    };

    private static StructureClosed? Read(IFactReading r, FactHeader h)
    {
        var by = r.Fields.Has("by") ? r.ActorList("by", minimum: 1) : [];
        var name = r.Fields.Text("name", required: true, 300);
        var closes = r.Fields.Text("closes", required: true, 300);
        var reason = r.Fields.Text("reason", maxLength: 500);
        var target = closes is null ? null : closes.Contains('/', StringComparison.Ordinal) ? closes : $"{h.Key[..h.Key.IndexOf('/', StringComparison.Ordinal)]}/{closes}";
        var link = target is null ? null : r.Fields.Check("closes", () => new FactLink(LinkKind.Ends, target));
        return name is null || link is null ? null
            : new StructureClosed(h.Id, h.Key, by, name, link.Target, reason, h.Effective, h.Stage, h.Matter, h.Citation)
            {
                Links = [link, .. (h.Links ?? []).Where(other => other != link)],
                Expected = h.Expected,
            };
    }
}
