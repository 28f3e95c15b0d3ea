using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>
/// The full trail of one fact: the event as recorded, with its citation and recording metadata; every correction and
/// retraction of it with theirs; and what other sources say about the same matter.
/// </summary>
/// <param name="Fact">The event as stored.</param>
/// <param name="Recorded">Where and when the ledger holds it.</param>
/// <param name="Summary">One line saying what the event reports.</param>
/// <param name="Figure">The figure it states, if any.</param>
/// <param name="Revisions">Its corrections and retractions, in the order recorded, each with its citation.</param>
/// <param name="SameMatter">Other sources' facts on the same matter.</param>
/// <param name="Links">The facts it links to, and the facts that link to it, each with how.</param>
public sealed record AuditTrail(ILedgerEvent Fact, Recording Recorded, string Summary, string? Figure, IReadOnlyList<AuditedRevision> Revisions, IReadOnlyList<RelatedFact> SameMatter, IReadOnlyList<LinkedFact> Links)
{
    /// <summary>Gets the paragraph of the stored article the fact's quote stands in, with where the quote is in it; null when the article or the quote's place is not found.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public QuotedParagraph? Passage { get; init; }
}
