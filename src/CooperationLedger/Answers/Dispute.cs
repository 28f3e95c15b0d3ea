using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>Sources that state different figures for the same matter, each kept with its citation; none is chosen.</summary>
/// <param name="Matter">The matter key the facts share.</param>
/// <param name="Versions">Each source's figure, with the fact that states it.</param>
public sealed record Dispute(string Matter, IReadOnlyList<DisputedVersion> Versions);

/// <summary>One source's side of a <see cref="Dispute"/>.</summary>
/// <param name="FactId">The fact's id.</param>
/// <param name="Key">The fact's key.</param>
/// <param name="Figure">The figure it states, as text.</param>
/// <param name="Citation">Where it comes from.</param>
public sealed record DisputedVersion(Guid FactId, string Key, string Figure, Citation Citation);
