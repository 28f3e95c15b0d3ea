using System.Globalization;
using CooperationLedger.Answers;
using CooperationLedger.Facts;

namespace CooperationLedger.Cli.Output;

/// <summary>Short human forms of the ledger's values, for tables.</summary>
internal static class Describe
{
    /// <summary>Gets a count with its noun, grouped in threes: "1 document", "10,784 facts".</summary>
    public static string Counted(long count, string noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count:#,0} {noun}{(count == 1 ? string.Empty : "s")}");

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

    /// <summary>Says who a fact is cited to, in a clause: "Keneshbek Dushebayev in Central Asia Online, via Kabar".</summary>
    public static string Cited(IReadOnlyList<SourceReference> sources) =>
        string.Join("; ", sources.Where(source => source.Role == SourceRole.Fact).DefaultIfEmpty(sources[0]).Select(source =>
            (source.Citation.AttributedTo is { } who ? $"{who.Name} in " : string.Empty)
            + source.Citation.Document.Publication
            + (source.Citation.RelayedFrom is { } relay ? $", via {relay.Outlet}" : string.Empty)
            + $" [{source.Citation.Document.Key}]"));

    /// <summary>Says a document as a reference list does: key, publication, issue, date, title, author, URL.</summary>
    public static string Document(SourceDocument document)
    {
        var issue = string.Join(", ", new[] { document.Volume is { } volume ? $"vol. {volume}" : null, document.Issue is { } number ? $"issue {number}" : null }.OfType<string>());
        return $"[{document.Key}] {document.Publication}{(issue.Length == 0 ? string.Empty : $", {issue}")}, {document.PublishedOn}"
            + (document.Title is { } title ? $": \"{title}\"" : string.Empty)
            + (document.Author is { } author ? $", by {author}" : string.Empty)
            + (document.Url is { } url ? $". {url}" : ".");
    }

    /// <summary>Says the as-of point in plain words: "as known at the end of 2011", "as known now".</summary>
    public static string Point(AsOf asOf)
    {
        var parts = new List<string>();
        if (asOf.Effective is { } effective)
        {
            parts.Add($"of what had happened by {Day(effective)}");
        }

        parts.Add(asOf.KnownOn is { } known ? $"as known {(known.Month == 12 && known.Day == 31 ? $"at the end of {known.Year}" : $"on {Day(known)}")}" : "as known now");
        if (asOf.RecordedAt is { } recorded)
        {
            parts.Add($"as the ledger held it at {recorded}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Says how imprecise dates were read, in a sentence.</summary>
    public static string RuleInWords(DateRule rule) => rule == DateRule.Possibly
        ? "Imprecise dates count from their earliest day (\"2011\" from 1 January; --rule certainly counts from the last)."
        : "Imprecise dates count once they are certainly past (\"2011\" from 31 December; --rule possibly counts from the first day).";

    private static string Day(NodaTime.LocalDate day) => day.ToString("d MMMM uuuu", CultureInfo.InvariantCulture);
}
