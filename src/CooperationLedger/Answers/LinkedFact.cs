using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>A fact the audited fact links to, or that links to it (see <see cref="FactLink"/>).</summary>
/// <param name="Kind">How the linking fact stands to the linked one.</param>
/// <param name="Incoming">Whether this fact links to the audited one (it is a detail, a delivery, another report of it), rather than the other way.</param>
/// <param name="FactId">The other fact's id.</param>
/// <param name="Key">The other fact's key.</param>
/// <param name="Summary">What the other fact reports; <see langword="null"/> when the ledger does not hold it (its document is not ingested).</param>
/// <param name="Citation">Where the other fact comes from; <see langword="null"/> when the ledger does not hold it.</param>
public sealed record LinkedFact(LinkKind Kind, bool Incoming, Guid FactId, string Key, string? Summary, Citation? Citation);
