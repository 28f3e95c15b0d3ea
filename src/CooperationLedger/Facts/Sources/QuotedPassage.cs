namespace CooperationLedger.Facts;

/// <summary>A further verbatim passage of a citation, where the fact is stated in more than one place of the document.</summary>
/// <param name="Quote">The passage, verbatim.</param>
/// <param name="Location">Where it stands in the document, once checked.</param>
/// <remarks>This type is an immutable value type and thread-safe.</remarks>
public sealed record QuotedPassage(string Quote, QuoteLocation? Location = null);
