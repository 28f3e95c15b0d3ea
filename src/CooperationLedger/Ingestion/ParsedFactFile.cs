using CooperationLedger.Facts;
using CooperationLedger.Sources;

namespace CooperationLedger.Ingestion;

/// <summary>
/// A document that has passed every check a fact file gets: its document, the article's text, and the events it encodes,
/// read from a fact file or built in code (<see cref="DocumentFacts"/>).
/// </summary>
/// <param name="Path">The fact file's path, or, for facts built in code, <c>(document key)</c>.</param>
/// <param name="Document">The document.</param>
/// <param name="ArticleText">The article's text.</param>
/// <param name="Events">The events.</param>
/// <param name="BuiltInCode"><see langword="true"/> for facts built in code, which errors describe as such.</param>
internal sealed record ParsedFactFile(string Path, SourceDocument Document, string ArticleText, IReadOnlyList<ILedgerEvent> Events, bool BuiltInCode = false);
