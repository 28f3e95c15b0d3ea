using CooperationLedger.Facts;

namespace CooperationLedger.Appending;

/// <summary>What appending one document will do, as decided by <see cref="IngestPlanner"/>.</summary>
/// <param name="New">The events to append, facts before revisions.</param>
/// <param name="Present">How many of the document's events the ledger already holds.</param>
/// <param name="Errors">Conflicts and missing revision targets.</param>
/// <param name="StreamExists">Whether the ledger already holds events of this document (so its stream exists).</param>
internal sealed record DocumentPlan(IReadOnlyList<ILedgerEvent> New, int Present, IReadOnlyList<FactFileError> Errors, bool StreamExists);
