using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>Another source's fact on the same matter, and whether its figure agrees.</summary>
/// <param name="FactId">Its id.</param>
/// <param name="Key">Its key.</param>
/// <param name="Figure">The figure it states, if it states one.</param>
/// <param name="Agrees"><see langword="true"/> when it corroborates (same figure, or none to compare); <see langword="false"/> when it disputes.</param>
/// <param name="Citation">Where it comes from.</param>
public sealed record RelatedFact(Guid FactId, string Key, string? Figure, bool Agrees, Citation Citation);
