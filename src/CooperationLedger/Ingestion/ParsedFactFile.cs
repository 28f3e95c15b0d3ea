using CooperationLedger.Facts;
using CooperationLedger.Sources;

namespace CooperationLedger.Ingestion;

/// <summary>A fact file that has passed every check: its document, the article's text, and the events it encodes.</summary>
internal sealed record ParsedFactFile(string Path, SourceDocument Document, string ArticleText, IReadOnlyList<ILedgerEvent> Events);
