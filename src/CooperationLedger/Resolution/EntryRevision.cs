using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Resolution;

/// <summary>
/// A correction or retraction as kept beside the fact it revises: what as-of resolution needs (when it was published
/// and recorded, what it changes) and where its event is, for its citation.
/// </summary>
/// <param name="Id">The revision's fact id.</param>
/// <param name="Key">The revision's key.</param>
/// <param name="IsRetraction"><see langword="true"/> for a retraction, <see langword="false"/> for a correction.</param>
/// <param name="Reason">Why the fact was revised.</param>
/// <param name="Changes">What a correction changes; <see langword="null"/> for a retraction.</param>
/// <param name="PublishedOn">When the revision's document was published: its known date.</param>
/// <param name="RecordedAt">When the ledger appended the revision.</param>
/// <param name="Source">Where the revision's event is stored; <see langword="null"/> when folded in memory.</param>
internal sealed record EntryRevision(Guid Id, string Key, bool IsRetraction, string Reason, Correction? Changes, ReportedDate PublishedOn, Instant RecordedAt, StreamPosition? Source);
