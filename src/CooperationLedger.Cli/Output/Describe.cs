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

    public static string Amount(AmountTotal total)
    {
        var parts = new List<string>();
        if (total.Exact != 0m)
        {
            parts.Add(total.Exact.ToString("#,0.##", CultureInfo.InvariantCulture));
        }

        if (total.Approximate != 0m)
        {
            parts.Add("~" + total.Approximate.ToString("#,0.##", CultureInfo.InvariantCulture));
        }

        if (parts.Count == 0)
        {
            return "-";
        }

        // A hedged total says what its parts allow: both bounds, one, or none.
        var bounds = total.IsExact ? null : (total.Low, total.High) switch
        {
            ({ } low, { } high) when low == high => null,
            ({ } low, { } high) => $" ({Number(low)} to {Number(high)})",
            ({ } low, null) when low > 0 => $" (at least {Number(low)})",
            (_, { } high) => $" (at most {Number(high)})",
            _ => " (no bounds stated)",
        };
        return string.Join(" + ", parts) + bounds;
    }

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
