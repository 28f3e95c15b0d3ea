using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>
/// Where a fact comes from, precisely enough for an editor to check it: the document, the outlet it relays the fact from,
/// the person it is attributed to and their stance, a short verbatim quote, and where in the document the quote stands.
/// </summary>
/// <remarks>This type is an immutable value type and thread-safe.</remarks>
public sealed record Citation
{
    /// <summary>The longest quote accepted, in characters.</summary>
    public const int MaxQuoteLength = 1500;

    /// <summary>Initializes a citation.</summary>
    /// <param name="document">The document the fact is read from.</param>
    /// <param name="quote">A verbatim quote from the document that states the fact.</param>
    /// <param name="stance">Whose voice the fact is in.</param>
    /// <param name="attributedTo">The person or body the document attributes the fact to, if any.</param>
    /// <param name="relayedFrom">The outlet the document relays the fact from, if any.</param>
    /// <param name="location">Where the quote stands in the document, once checked.</param>
    /// <exception cref="ArgumentException">The quote is blank or too long, or a claim by a party names no one.</exception>
    [JsonConstructor]
    public Citation(SourceDocument document, string quote, Stance stance, Actor? attributedTo = null, Relay? relayedFrom = null, QuoteLocation? location = null)
    {
        if (!Enum.IsDefined(stance))
        {
            throw new ArgumentOutOfRangeException(nameof(stance), stance, "Unknown stance.");
        }

        if (stance is Stance.Party or Stance.Independent && attributedTo is null)
        {
            throw new ArgumentException($"A fact in the voice of {(stance == Stance.Independent ? "an independent" : "a party")} says who that is: give attributedTo, the key of the speaker.", nameof(attributedTo));
        }

        Document = document ?? throw new ArgumentNullException(nameof(document));
        Quote = Preconditions.CheckText(quote, nameof(quote), MaxQuoteLength);
        Stance = stance;
        AttributedTo = attributedTo;
        RelayedFrom = relayedFrom;
        Location = location;
    }

    /// <summary>Gets the document the fact is read from.</summary>
    public SourceDocument Document { get; }

    /// <summary>Gets the verbatim quote.</summary>
    public string Quote { get; }

    /// <summary>Gets whose voice the fact is in.</summary>
    public Stance Stance { get; }

    /// <summary>Gets the person or body the fact is attributed to, if any.</summary>
    public Actor? AttributedTo { get; }

    /// <summary>Gets the outlet the document relays the fact from, if any.</summary>
    public Relay? RelayedFrom { get; }

    /// <summary>
    /// Gets the further passages that state the fact, where it takes more than one (a figure in one sentence, who said it
    /// in another); <see langword="null"/> when the one quote says it all.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<QuotedPassage>? MoreQuotes { get; init; }

    /// <summary>Gets every passage of the citation, the quote first.</summary>
    [JsonIgnore]
    public IEnumerable<QuotedPassage> Passages => [new QuotedPassage(Quote, Location), .. MoreQuotes ?? []];

    /// <summary>Gets where the quote stands in the document.</summary>
    public QuoteLocation? Location { get; }

    /// <summary>Gets a value indicating whether the fact is a claim by an interested party rather than reporting.</summary>
    [JsonIgnore]
    public bool IsClaim => Stance == Stance.Party;

    /// <inheritdoc/>
    public override string ToString()
    {
        var who = AttributedTo is null ? string.Empty : $"{AttributedTo}: ";
        var relay = RelayedFrom is null ? string.Empty : $" ({RelayedFrom})";
        return $"{who}{string.Join(" ... ", Passages.Select(passage => $"\"{passage.Quote}\""))}{relay}, in {Document}";
    }
}
