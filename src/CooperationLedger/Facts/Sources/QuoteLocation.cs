namespace CooperationLedger.Facts;

/// <summary>Where a quote stands in its document: the paragraph (from 1) and the character offset and length in the text.</summary>
/// <param name="Paragraph">The paragraph, counted from 1 over non-blank lines.</param>
/// <param name="Offset">The offset of the quote's first character in the document's text.</param>
/// <param name="Length">The number of characters of the document's text that the quote covers.</param>
public sealed record QuoteLocation(int Paragraph, int Offset, int Length);
