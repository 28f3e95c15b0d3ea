using CooperationLedger.Facts;

namespace CooperationLedger.Reading;

/// <summary>
/// A document that has passed every check a fact file gets: its document, the article's text, and the events it encodes,
/// read from a fact file or built in code (<see cref="DocumentFacts"/>).
/// </summary>
/// <param name="Path">The fact file's path, or, for facts built in code, <c>(document key)</c>.</param>
/// <param name="Document">The document.</param>
/// <param name="ArticleText">The article's text.</param>
/// <param name="Events">The events.</param>
/// <param name="BuiltInCode"><see langword="true"/> for facts built in code, which errors describe as such.</param>
internal sealed record ParsedFactFile(string Path, SourceDocument Document, string ArticleText, IReadOnlyList<ILedgerEvent> Events, bool BuiltInCode = false)
{
    /// <summary>Gets the exception for errors found in <paramref name="refused"/>, worded for what they were read from.</summary>
    public static FactFileException Refusal(IReadOnlyList<FactFileError> errors, IEnumerable<ParsedFactFile> refused) =>
        new(errors, builtInCode: refused.Any() && refused.All(file => file.BuiltInCode));
}
