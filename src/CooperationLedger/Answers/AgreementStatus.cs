using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>An agreement as of a point: its parties, areas and date, and whether it was in effect then.</summary>
/// <param name="FactId">The agreement's fact id.</param>
/// <param name="Key">Its key.</param>
/// <param name="Parties">The parties.</param>
/// <param name="Areas">The areas of cooperation.</param>
/// <param name="Title">Its name, where the source gives one.</param>
/// <param name="Effective">When it was agreed.</param>
/// <param name="Stage">Realised or committed (in effect), or pledged (announced only).</param>
/// <param name="InEffect"><see langword="true"/> when it was agreed (not only pledged) by the as-of point.</param>
/// <param name="Standing">Asserted or corrected, as of the point.</param>
/// <param name="Sources">Every event the answer is derived from, with its citation.</param>
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
    IReadOnlyList<SourceReference> Sources);
