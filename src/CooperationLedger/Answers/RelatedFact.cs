using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>Another fact on the same matter, and how it stands to the fact audited.</summary>
/// <param name="FactId">Its id.</param>
/// <param name="Key">Its key.</param>
/// <param name="Figure">The figure it states, if it states one.</param>
/// <param name="Relation">Whether it corroborates (another document, the same figure), disputes (another figure), or is only on the same matter.</param>
/// <param name="Citation">Where it comes from.</param>
public sealed record RelatedFact(Guid FactId, string Key, string? Figure, Relation Relation, Citation Citation);
