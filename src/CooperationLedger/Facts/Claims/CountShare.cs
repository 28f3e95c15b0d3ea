namespace CooperationLedger.Facts;

/// <summary>One part of a count's breakdown: "3 to Kazakhstan".</summary>
/// <param name="Label">What the part is ("to Kazakhstan").</param>
/// <param name="ActorId">The actor the part refers to, if any (<c>kz</c>).</param>
/// <param name="Count">How many.</param>
public sealed record CountShare(string Label, string? ActorId, Quantity Count);
