namespace CooperationLedger.Facts;

/// <summary>A paragraph of a stored article, with where a quote stands in it, for showing the quote in its setting.</summary>
/// <param name="Paragraph">The paragraph's number in the article, from 1.</param>
/// <param name="Text">The paragraph, as stored.</param>
/// <param name="QuoteStart">Where in <paramref name="Text"/> the quote starts.</param>
/// <param name="QuoteLength">How long the quote is there.</param>
public sealed record QuotedParagraph(int Paragraph, string Text, int QuoteStart, int QuoteLength);
