using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>
/// A donation or grant whose sources state no amount ("more such equipment is expected in 2012"), as of a point: kept
/// apart from the donor totals, which sum stated amounts only, because no amount stated is not an amount of zero.
/// </summary>
/// <param name="FactId">The fact's id.</param>
/// <param name="Key">Its key, <c>document-key/fact-key</c>.</param>
/// <param name="Type">Its event type's stable name: <c>equipment_donated</c> or <c>grant_provided</c>.</param>
/// <param name="Donor">Who gives.</param>
/// <param name="Recipient">Who receives.</param>
/// <param name="Channel">The body the donor gives through, if the source names one.</param>
/// <param name="Description">What is given, as the source says: the items, or the grant's purpose.</param>
/// <param name="Effective">When it is or was given (corrected, when a correction was known by then).</param>
/// <param name="Stage">Pledged, committed or realised, as of the point.</param>
/// <param name="Standing">Asserted or corrected, as of the point.</param>
/// <param name="Sources">The fact and every correction applied, with their citations.</param>
/// <param name="Expected">When a pledge or expectation is due, if the source says; <see cref="Effective"/> is when it was announced.</param>
public sealed record DonationWithoutAmount(
    Guid FactId,
    string Key,
    string Type,
    Actor Donor,
    Actor Recipient,
    Actor? Channel,
    string Description,
    ReportedDate Effective,
    Stage Stage,
    Standing Standing,
    IReadOnlyList<SourceReference> Sources,
    ReportedDate? Expected = null);
