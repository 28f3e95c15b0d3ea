namespace CooperationLedger.Answers;

/// <summary>What an ingest did: per document, how many facts it appended and how many the ledger already held.</summary>
/// <param name="Documents">One line per document ingested (or checked, on a dry run).</param>
/// <param name="DryRun"><see langword="true"/> when the files were only checked and nothing was appended.</param>
public sealed record IngestReport(IReadOnlyList<DocumentIngested> Documents, bool DryRun)
{
    /// <summary>Gets the number of facts appended (on a dry run: that would be appended).</summary>
    public int FactsAppended => Documents.Sum(document => document.FactsAppended);

    /// <summary>Gets the number of facts the ledger already held, identical, and so left alone.</summary>
    public int FactsAlreadyPresent => Documents.Sum(document => document.FactsAlreadyPresent);
}
