using System.Globalization;
using CooperationLedger.Answers;
using CooperationLedger.Facts;

namespace CooperationLedger.Cli.Output;

/// <summary>Short human forms of the ledger's values, for tables.</summary>
internal static class Describe
{
    /// <summary>Says the as-of point an answer is for, and how it read imprecise dates: the rule, in words.</summary>
    public static string Rule(AsOf asOf) =>
        $"As of {asOf}: " + (asOf.Rule == DateRule.Possibly
            ? "under \"possibly\", a fact counts once the earliest day its date may mean has come (\"2011\" from 1 January)."
            : "under \"certainly\", a fact counts once the latest day its date may mean has passed (\"2011\" from 31 December); --rule possibly counts it from its earliest.");

    /// <summary>
    /// Says what a total is: the exact sum where every part was exact; else what the whole can be, from its bounds
    /// ("300,000 to 400,000", "at least 110"), or "about" the sum of its figures where an "about" leaves it no bound
    /// ("about" says the source gave none), with its exact part beside it. The hedged figures' own sum is never shown as a number of its own, since it is
    /// neither the whole nor a bound of it.
    /// </summary>
    public static string Amount(AmountTotal total)
    {
        if (total.IsZero)
        {
            return "-";
        }

        if (total.IsExact)
        {
            return Number(total.Exact);
        }

        var whole = (total.Low, total.High) switch
        {
            ({ } low, { } high) when low == high => Number(low),
            ({ } low, { } high) => $"{Number(low)} to {Number(high)}",
            ({ } low, null) => $"at least {Number(low)}",
            (null, { } high) => $"at most {Number(high)}",
            _ => $"about {Number(total.Exact + total.Approximate)}",
        };
        return total.Exact == 0m ? whole : $"{whole} ({Number(total.Exact)} exact)";
    }

    /// <summary>
    /// Says a measure in the unit it is compared in, where that changes its number ("1.5 tons" is "= 1,500 kg"); nothing
    /// where the number stays as printed.
    /// </summary>
    public static string Normalised(StatisticMeasure measure) =>
        measure is { Kind: StatisticKind.Level or StatisticKind.AbsoluteChange, NormalisedValue: { } value, NormalisedUnit: { } unit, Value: { } printed } && value != printed
            ? $" = {Number(value)} {unit}{(measure.UpperBound is { } upper ? $" to {Number(upper * value / printed)} {unit}" : string.Empty)}"
            : string.Empty;

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Source(SourceReference source)
    {
        var citation = source.Citation;
        var who = citation.AttributedTo is null ? string.Empty : $"; {citation.AttributedTo.Name}";
        var relay = citation.RelayedFrom is null ? string.Empty : $"; via {citation.RelayedFrom}";
        var role = source.Role == SourceRole.Fact ? string.Empty : $"{source.Role.ToString().ToLowerInvariant()}: ";
        return $"{role}{source.Key} ({citation.Document.Publication}, {citation.Document.PublishedOn}{who}{relay})";
    }

    public static string Sources(IEnumerable<SourceReference> sources) => string.Join(Environment.NewLine, sources.Select(Source));
}
