namespace CooperationLedger.Answers;

/// <summary>What an ingest did with one document.</summary>
/// <param name="Path">The fact file.</param>
/// <param name="DocumentKey">The document's key.</param>
/// <param name="FactsAppended">The facts appended (on a dry run: that would be appended).</param>
/// <param name="FactsAlreadyPresent">The facts the ledger already held, identical.</param>
public sealed record DocumentIngested(string Path, string DocumentKey, int FactsAppended, int FactsAlreadyPresent);
