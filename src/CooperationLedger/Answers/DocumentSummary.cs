using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>A source document the ledger holds, with how many of its facts and revisions it holds (<see cref="Ledger.ReadDocumentsAsync"/>).</summary>
/// <param name="Document">The document: publication, issue, date, title, author and URL.</param>
/// <param name="Facts">How many reported facts the ledger holds from it.</param>
/// <param name="Revisions">How many corrections and retractions of facts it holds from it.</param>
public sealed record DocumentSummary(SourceDocument Document, int Facts, int Revisions);
