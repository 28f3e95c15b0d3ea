using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>One fact in a cooperation timeline: what happened, between whom, when, and from which source.</summary>
/// <param name="FactId">The fact's id.</param>
/// <param name="Key">Its key.</param>
/// <param name="Type">Its event type's stable name (<c>meeting_held</c>).</param>
/// <param name="Summary">One line saying what it reports.</param>
/// <param name="Actors">The actors it involves.</param>
/// <param name="Effective">When it happened or applies (corrected, when a correction was known by then).</param>
/// <param name="Stage">Reported, pledged, committed or realised.</param>
/// <param name="Standing">Asserted or corrected, as of the point: the timeline is a chronology, and never marks a fact
/// disputed; the claims and donor-totals answers, and the audit, compare the facts of a matter.</param>
/// <param name="Sources">Every event the item is derived from, with its citation.</param>
public sealed record TimelineItem(
    Guid FactId,
    string Key,
    string Type,
    string Summary,
    IReadOnlyList<Actor> Actors,
    ReportedDate Effective,
    Stage Stage,
    Standing Standing,
    IReadOnlyList<SourceReference> Sources);
