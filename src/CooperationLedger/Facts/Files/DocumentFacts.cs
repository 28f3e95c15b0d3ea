namespace CooperationLedger.Facts;

/// <summary>
/// One source document, its text and the facts read from it, for applications that build facts in code rather than in
/// fact files. Appended with <c>Ledger.AppendAsync</c> under the same checks as a fact file.
/// </summary>
/// <param name="Document">The document.</param>
/// <param name="ArticleText">Its full text; every fact's quote must be found in it.</param>
/// <param name="Facts">The facts, each keyed <c>document-key/fact-key</c> with the id <c>FactIds.ForFact</c> gives for that key.</param>
public sealed record DocumentFacts(SourceDocument Document, string ArticleText, IReadOnlyList<ILedgerEvent> Facts);
