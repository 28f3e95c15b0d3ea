using System.Globalization;
using CooperationLedger.Answers;
using CooperationLedger.Facts;

namespace CooperationLedger.Cli.Output;

/// <summary>
/// Prints a <see cref="LedgerSummary"/> as a report a researcher reads: who gave what to whom, in words; the claimed
/// statistics with who claims them; operation results; disputes; agreements with their state on the day; the newest
/// facts; and the sources behind them all, with title, author and URL. Its length depends on the number of kinds,
/// decades and currencies and on <c>--top</c>, never on the number of facts; each part says which command lists it whole.
/// </summary>
internal static class SummaryOutput
{
    public static void Write(CliContext context, LedgerSummary summary)
    {
        var cited = new List<SourceReference>();
        TextOutput.Line(context, $"What the record says, {Describe.Point(summary.AsOf)}: {Count(summary.Facts)} facts.");
        Kinds(context, summary);

        Heading(context, "Who gave what to whom (amounts never added across currencies)");
        foreach (var currency in summary.Currencies.OrderByDescending(currency => currency.Donations).ThenBy(currency => currency.Currency.Code, StringComparer.Ordinal).Take(summary.Top))
        {
            Item(context, $"In {currency.Currency.Code}: {Stages(currency.Currency, currency.Pledged, currency.Committed, currency.Realised, currency.Expected)}, in {Counted(currency.Donations, "donation")} from {Counted(currency.Donors, "donor")}.");
            foreach (var donor in currency.Largest)
            {
                Item(context, $"{donor.Donor.Name} ({donor.Donor.Id}): {Stages(currency.Currency, donor.Pledged, donor.Committed, donor.Realised, donor.Expected)}, to {Counted(donor.Recipients, "recipient")} in {Counted(donor.Donations, "donation")}.", depth: 2);
            }
        }

        if (summary.Currencies.Count > summary.Top)
        {
            Note(context, $"{Count(summary.Currencies.Count - summary.Top)} other currencies: ledger donors --currency CODE.");
        }

        if (summary.NoAmountStated > 0)
        {
            Item(context, $"With no amount stated ({Count(summary.NoAmountStated)}, in no total):");
            foreach (var donation in summary.NoAmount)
            {
                cited.AddRange(donation.Sources);
                Item(context, $"{donation.Donor.Name} {Verb(donation.Stage)} {Short(donation.Description)} to {donation.Recipient.Name}{Due(donation.Expected)} ({When(donation.Effective)}; {Describe.Cited(donation.Sources)}).", depth: 2);
            }
        }

        Note(context, "ledger donors lists every total with its sources; ledger audit KEY shows one fact's trail.");

        Heading(context, "Claimed statistics");
        if (summary.Metrics.Count == 0)
        {
            Note(context, "None.");
        }

        foreach (var metric in summary.Metrics)
        {
            var latest = metric.Latest;
            cited.AddRange(latest.Sources);
            var disputed = metric.Disputed > 0 ? $", {Count(metric.Disputed)} disputed" : string.Empty;
            Item(context, $"{metric.Metric} ({Counted(metric.Claims, "claim")}{disputed}): latest {latest.Measure}{(latest.Period is { } period ? $" for {period}" : string.Empty)}, claimed by {latest.Claimant?.Name ?? "the outlet itself"} of {latest.Subject.Name} ({When(latest.Effective)}; {Describe.Cited(latest.Sources)}).");
        }

        Heading(context, "Operation results claimed");
        if (summary.OperationResults.Count == 0)
        {
            Note(context, "None.");
        }

        foreach (var result in summary.OperationResults)
        {
            cited.AddRange(result.Sources);
            var counts = string.Join("; ", result.Counts.Select(count => $"{count.Count} {count.Subject} {count.Outcome}"));
            Item(context, $"{string.Join(" and ", result.By.Select(by => by.Name))}{(result.Period is { } period ? $", {period}" : string.Empty)}: {counts} ({When(result.Effective)}; {Describe.Cited(result.Sources)}).");
        }

        Note(context, "ledger operations lists every count with its breakdown.");

        Heading(context, "Disputes (sources disagree; none is chosen)");
        if (summary.Disputes.Count == 0)
        {
            Note(context, "None.");
        }

        foreach (var dispute in summary.Disputes)
        {
            Item(context, $"{dispute.Matter}: {string.Join(" against ", dispute.Versions.Select(version => $"{version.Figure} ({version.Citation.Document.Publication}, {version.Citation.Document.PublishedOn})"))}.");
        }

        if (summary.DisputeCount > summary.Disputes.Count)
        {
            Note(context, $"{Count(summary.DisputeCount)} matters are disputed in all: ledger claims --matter KEY lists one.");
        }

        Heading(context, "Agreements, newest reported first, as they stood on the day");
        if (summary.Agreements.Count == 0)
        {
            Note(context, "None.");
        }

        foreach (var agreement in summary.Agreements)
        {
            cited.AddRange(agreement.Sources);
            var areas = agreement.Areas.Count == 0 ? string.Empty : $" on {Short(string.Join("; ", agreement.Areas))}";
            Item(context, $"{When(agreement.Effective)}: {string.Join(" and ", agreement.Parties.Select(party => party.Name))}{areas}: {State(agreement)} ({Describe.Cited(agreement.Sources)}).");
        }

        Note(context, "ledger agreements --party X lists them all.");

        Heading(context, "Newest facts, by publication");
        foreach (var item in summary.Newest)
        {
            cited.AddRange(item.Sources);
            Item(context, $"{When(item.Effective)}: {Short(item.Summary)} ({Describe.Cited(item.Sources)}).");
        }

        Note(context, "ledger timeline lists every fact; --actor X those of one actor.");

        Heading(context, "Sources");
        foreach (var document in cited.Select(source => source.Citation.Document).DistinctBy(document => document.Key).OrderBy(document => document.Key, StringComparer.Ordinal))
        {
            Item(context, Describe.Document(document));
        }

        Note(context, "ledger documents lists every source with its facts.");
        TextOutput.Line(context, string.Empty);
        TextOutput.Line(context, $"Each list keeps at most {Count(summary.Top)} items (--top N; --all lists every donor total and claim). {Describe.RuleInWords(summary.AsOf.Rule)}");
    }

    /// <summary>Keeps what one fact says to a few lines of the report, however much it says: its full text is in the listing each part names.</summary>
    internal static string Short(string text)
    {
        if (text.Length <= 160)
        {
            return text;
        }

        // Cut between words, never inside one (a word longer than the whole cut is cut as it falls).
        var cut = text.LastIndexOf(' ', 157);
        return string.Concat(text.AsSpan(0, cut > 80 ? cut : 157).TrimEnd(), "...");
    }

    private static void Kinds(CliContext context, LedgerSummary summary)
    {
        // A row a decade, a column a year: the years of any history in a few lines. Dates open at the end the rule
        // reads fall in no year, and are counted under the table.
        TableOutput.Write(
            context,
            "Facts by kind",
            ["Kind", "Facts", "Years", "Most in"],
            summary.Kinds.Select(kind => (IReadOnlyList<string>)[kind.Type.Replace('_', ' '), Count(kind.Facts), Years(kind.Years), Busiest(kind.Years)]));
        var byYear = summary.Kinds.SelectMany(kind => kind.Years).GroupBy(year => year.Year).ToDictionary(year => year.Key ?? int.MaxValue, year => year.Sum(y => y.Facts));
        var open = byYear.Remove(int.MaxValue, out var openFacts) ? openFacts : 0;
        TableOutput.Write(
            context,
            "Facts by year",
            ["Decade", .. Enumerable.Range(0, 10).Select(digit => $"..{digit}")],
            byYear.Keys.Select(year => year / 10).Distinct().Order().Select(decade => (IReadOnlyList<string>)
            [
                $"{decade * 10}s",
                .. Enumerable.Range(0, 10).Select(digit => byYear.TryGetValue((decade * 10) + digit, out var facts) ? Count(facts) : string.Empty),
            ]));
        if (open > 0)
        {
            Note(context, $"{Count(open)} facts have no end to their dates yet (\"since 2006\"), and fall in no year.");
        }
    }

    private static void Heading(CliContext context, string text)
    {
        TextOutput.Line(context, string.Empty);
        TextOutput.Line(context, text);
    }

    private static void Item(CliContext context, string text, int depth = 1) =>
        TextOutput.Wrapped(context, $"- {text}", indent: (depth - 1) * 2, hanging: depth * 2);

    private static void Note(CliContext context, string text) => TextOutput.Wrapped(context, text, indent: 2, hanging: 2);

    /// <summary>Says the stages of a total in words: "21,000,000 KGS pledged; about 300,000,000 KGS given".</summary>
    private static string Stages(Currency currency, AmountTotal pledged, AmountTotal committed, AmountTotal realised, AmountTotal expected) =>
        string.Join("; ", new[] { (pledged, "pledged"), (committed, "committed"), (realised, "given"), (expected, "expected by the outlet, no promise") }
            .Where(stage => !stage.Item1.IsZero)
            .Select(stage => $"{Describe.Amount(stage.Item1)} {currency.Code} {stage.Item2}"));

    private static string Counted(int count, string noun) => count == 1 ? $"1 {noun}" : $"{Count(count)} {noun}s";

    private static string Verb(Stage stage) => stage switch
    {
        Stage.Pledged => "pledged",
        Stage.Committed => "committed",
        Stage.Realised => "gave",
        _ => "is expected to give",
    };

    private static string Due(ReportedDate? due) => due is null ? string.Empty : $", due {due}";

    private static string State(AgreementStatus agreement) => agreement.State switch
    {
        AgreementState.InEffect => "in effect",
        AgreementState.Announced => "announced only",
        AgreementState.NotYetInEffect => "not yet in effect",
        AgreementState.Ended => "ended (" + string.Join("; ", agreement.EndedBy.Select(source => source.Key)) + ")",
        _ => "expired",
    };

    /// <summary>Says a reported date as a reader would: "2011-09-05", "by 2011-12-31", "2006-07-22 or later".</summary>
    private static string When(ReportedDate date) => date.ToString() switch
    {
        var text when text.StartsWith("..", StringComparison.Ordinal) => $"by {text[2..]}",
        var text when text.EndsWith("..", StringComparison.Ordinal) => $"{text[..^2]} or later",
        var text when text.Split("..") is [var first, var last] => $"between {first} and {last}",
        var text => text,
    };

    private static string Years(IReadOnlyList<YearCount> years) =>
        years.Count == 0 ? "-" : years[0].Year == years[^1].Year ? Year(years[0].Year) : $"{Year(years[0].Year)} to {Year(years[^1].Year)}";

    private static string Busiest(IReadOnlyList<YearCount> years) =>
        years.OrderByDescending(year => year.Facts).ThenBy(year => year.Year ?? int.MaxValue).Select(year => $"{Year(year.Year)} ({Count(year.Facts)})").FirstOrDefault() ?? "-";

    private static string Year(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "ongoing";

    private static string Count(int count) => count.ToString("#,0", CultureInfo.InvariantCulture);
}
