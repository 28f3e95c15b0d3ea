using CooperationLedger.Facts;
namespace CooperationLedger.Answers;

/// <summary>The attribution of a figure: one event it was derived from, and that event's citation.</summary>
/// <param name="FactId">The event's fact id; <c>Ledger.AuditAsync</c> takes it.</param>
/// <param name="Key">The event's key, <c>document-key/fact-key</c>.</param>
/// <param name="Role">Whether the event reports, corrects or retracts the fact.</param>
/// <param name="Citation">Where the event comes from.</param>
public sealed record SourceReference(Guid FactId, string Key, SourceRole Role, Citation Citation);
