using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Answers;

/// <summary>A correction or retraction of a fact, as its audit trail lists it: what it changes, its citation, and when it was recorded.</summary>
/// <param name="Id">The revision's fact id.</param>
/// <param name="Key">The revision's key.</param>
/// <param name="IsRetraction"><see langword="true"/> for a retraction, <see langword="false"/> for a correction.</param>
/// <param name="Reason">Why the fact was revised.</param>
/// <param name="Changes">What a correction changes; <see langword="null"/> for a retraction.</param>
/// <param name="Citation">Where the revision comes from; its document's publication date is its known date.</param>
/// <param name="RecordedAt">When the ledger appended the revision.</param>
public sealed record AuditedRevision(Guid Id, string Key, bool IsRetraction, string Reason, Correction? Changes, Citation Citation, Instant RecordedAt);
