using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>
/// One count in an operation's results: how many of whom met what outcome, with its breakdown kept as structure
/// ("7 detained, of whom 5 extradited: 3 to Kazakhstan, 1 to China, 1 to Russia").
/// </summary>
/// <param name="Outcome">What happened to them ("killed", "arrested", "detained", "extradited", "identified").</param>
/// <param name="Count">How many.</param>
/// <param name="Subject">Who they were ("members of international terrorist organisations").</param>
/// <param name="OfOutcome">The outcome of the larger count this one is part of ("detained" for those extradited), if any.</param>
/// <param name="Breakdown">How the count divides, if the source says.</param>
/// <param name="Value">What it was worth, as money with its hedge ("heroin worth about US$2 million"), if the source says.</param>
public sealed record OutcomeCount(
    string Outcome,
    Quantity Count,
    string Subject,
    string? OfOutcome,
    IReadOnlyList<CountShare> Breakdown,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MoneyAmount? Value = null)
{
    /// <summary>Gets the count as a sentence says it: "seized about 40 kg of heroin worth about 2000000 USD".</summary>
    public override string ToString() => $"{Outcome} {Count} {Subject}{(Value is null ? string.Empty : $" worth {Value}")}";
}
