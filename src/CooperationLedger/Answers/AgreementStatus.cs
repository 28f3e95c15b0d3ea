using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>An agreement as of a point: its parties, areas, date and term, and where it stood then.</summary>
/// <param name="FactId">The agreement's fact id.</param>
/// <param name="Key">Its key.</param>
/// <param name="Parties">The parties.</param>
/// <param name="Areas">The areas of cooperation.</param>
/// <param name="Title">Its name, where the source gives one.</param>
/// <param name="Effective">When it was agreed.</param>
/// <param name="Stage">Realised or committed (in effect), or pledged (announced only).</param>
/// <param name="InEffect"><see langword="true"/> when <paramref name="State"/> is <see cref="AgreementState.InEffect"/>.</param>
/// <param name="Standing">Asserted or corrected, as of the point.</param>
/// <param name="Sources">Every event the answer is derived from, with its citation.</param>
/// <param name="State">In effect, announced only, not yet in effect, or expired, on the as-of day.</param>
/// <param name="Term">How long it runs, if the source says.</param>
/// <param name="EndsOn">The last day it runs, from its term and date; <see langword="null"/> without a term.</param>
/// <param name="Day">The day <paramref name="State"/> is for: the as-of point's effective day, else the day the question was asked.</param>
/// <param name="EndedBy">The facts that ended it by the day (abolished, terminated), with their citations; empty unless <see cref="State"/> is <see cref="AgreementState.Ended"/>.</param>
public sealed record AgreementStatus(
    Guid FactId,
    string Key,
    IReadOnlyList<Actor> Parties,
    IReadOnlyList<string> Areas,
    string? Title,
    ReportedDate Effective,
    Stage Stage,
    bool InEffect,
    Standing Standing,
    IReadOnlyList<SourceReference> Sources,
    AgreementState State,
    AgreementTerm? Term,
    ReportedDate? EndsOn,
    NodaTime.LocalDate Day,
    IReadOnlyList<SourceReference> EndedBy)
{
    /// <summary>Gets when a promised or expected agreement is due, if the source says (its <c>expected</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ReportedDate? Due { get; init; }
}
