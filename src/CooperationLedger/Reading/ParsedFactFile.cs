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
/// <param name="Locations">Where each fact stands in its file, by fact id: none for facts built in code.</param>
internal sealed record ParsedFactFile(string Path, SourceDocument Document, string ArticleText, IReadOnlyList<ILedgerEvent> Events, bool BuiltInCode = false, IReadOnlyDictionary<Guid, FactLocation>? Locations = null)
{
    /// <summary>
    /// Gets an error found in <paramref name="fact"/> after reading (against the ledger or the other files), at its line
    /// and with its path in the file (<c>facts[3].corrects</c>) where the file says.
    /// </summary>
    public FactFileError Error(ILedgerEvent fact, string? field, string reason)
    {
        var key = FactIds.Split(fact.Key).Fact;
        if (Locations is null || !Locations.TryGetValue(fact.FactId, out var at))
        {
            return new FactFileError(Path, key, field, reason);
        }

        return new FactFileError(Path, key, field is null ? at.Path : $"{at.Path}.{field}", reason, at.Line);
    }

    /// <summary>Gets the exception for errors found in <paramref name="refused"/>, worded for what they were read from.</summary>
    public static FactFileException Refusal(IReadOnlyList<FactFileError> errors, IEnumerable<ParsedFactFile> refused) =>
        new(errors, builtInCode: refused.Any() && refused.All(file => file.BuiltInCode));
}

/// <summary>Where a fact stands in its fact file: its path (<c>facts[3]</c>) and the line it starts on.</summary>
internal sealed record FactLocation(string Path, int Line);
