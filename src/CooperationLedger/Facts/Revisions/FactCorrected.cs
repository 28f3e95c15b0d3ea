namespace CooperationLedger.Facts;

/// <summary>
/// A source corrected an earlier fact. The correction changes answers only for as-of values at or after its own
/// publication (known) date and recorded time; earlier as-of values still show the original.
/// </summary>
/// <param name="FactId">The correction's deterministic id.</param>
/// <param name="Key">The correction's key, <c>document-key/fact-key</c>.</param>
/// <param name="Revises">The id of the fact corrected.</param>
/// <param name="Reason">Why, as the source or the editor says.</param>
/// <param name="Changes">What changes.</param>
/// <param name="Citation">Where the correction comes from.</param>
public sealed record FactCorrected(Guid FactId, string Key, Guid Revises, string Reason, Correction Changes, Citation Citation) : IRevision;
