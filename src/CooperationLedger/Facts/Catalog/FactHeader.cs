namespace CooperationLedger.Facts;

/// <summary>What every reported fact has, whatever its kind: identity, dates, stage, matter and citation.</summary>
/// <param name="Id">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Effective">When it happened or applies.</param>
/// <param name="Stage">How far along it is.</param>
/// <param name="Matter">The matter key, if any.</param>
/// <param name="Citation">Where it comes from.</param>
/// <param name="Links">Its typed links to other facts, if any.</param>
/// <param name="Expected">When a promise or expectation is due, if the source says.</param>
internal sealed record FactHeader(Guid Id, string Key, ReportedDate Effective, Stage Stage, string? Matter, Citation Citation, IReadOnlyList<FactLink>? Links = null, ReportedDate? Expected = null);
