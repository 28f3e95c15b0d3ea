namespace CooperationLedger.Facts;

/// <summary>
/// A source withdrew an earlier fact. From the retraction's own publication (known) date and recorded time, as-of answers
/// leave the fact out; earlier as-of values still show it. The fact itself stays in the ledger, for audit.
/// </summary>
/// <param name="FactId">The retraction's deterministic id.</param>
/// <param name="Key">The retraction's key, <c>document-key/fact-key</c>.</param>
/// <param name="Revises">The id of the fact retracted.</param>
/// <param name="Reason">Why, as the source or the editor says.</param>
/// <param name="Citation">Where the retraction comes from.</param>
public sealed record FactRetracted(Guid FactId, string Key, Guid Revises, string Reason, Citation Citation) : IRevision;
