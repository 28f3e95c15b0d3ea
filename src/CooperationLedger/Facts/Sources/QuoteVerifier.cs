namespace CooperationLedger.Facts;

/// <summary>
/// Finds a quote in its document's text, ignoring differences of whitespace and of typographic quotes, dashes and
/// apostrophes, and says where it stands.
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public static class QuoteVerifier
{
    /// <summary>Looks for <paramref name="quote"/> in <paramref name="documentText"/>.</summary>
    /// <param name="documentText">The whole text of the document.</param>
    /// <param name="quote">The quote to find.</param>
    /// <returns>Where the quote's first occurrence stands, or <see langword="null"/> when the document does not hold it.</returns>
    public static QuoteLocation? Locate(string documentText, string quote)
    {
        ArgumentNullException.ThrowIfNull(documentText);
        ArgumentNullException.ThrowIfNull(quote);
        return new QuoteIndex(documentText).Locate(quote);
    }
}
