using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>One event as the ledger holds it, with where and when it was recorded.</summary>
/// <param name="Fact">The event.</param>
/// <param name="Recorded">Its stream, position and recording metadata.</param>
/// <param name="Summary">One line saying what it reports.</param>
/// <param name="Figure">The figure it states (an amount, a statistic, counts, a poll's results), if any.</param>
public sealed record RecordedFact(ILedgerEvent Fact, Recording Recorded, string Summary, string? Figure);
