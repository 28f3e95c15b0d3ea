using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>
/// One claim of operation results as of a point (so many arrested, killed, seized), with each count's hedge, unit,
/// breakdown and value as the source gives them, and the period they cover.
/// </summary>
/// <param name="FactId">The fact's id.</param>
/// <param name="Key">The fact's key.</param>
/// <param name="By">Whose operations they were.</param>
/// <param name="Period">The period the counts cover, if stated.</param>
/// <param name="Effective">When the claim was made, as of the point.</param>
/// <param name="Counts">The counts, in the source's order.</param>
/// <param name="Standing">Whether it stands as claimed or as corrected.</param>
/// <param name="Sources">The fact and any correction applied, with their citations.</param>
public sealed record OperationResults(
    Guid FactId,
    string Key,
    IReadOnlyList<Actor> By,
    ReportedDate? Period,
    ReportedDate Effective,
    IReadOnlyList<OutcomeCount> Counts,
    Standing Standing,
    IReadOnlyList<SourceReference> Sources);
