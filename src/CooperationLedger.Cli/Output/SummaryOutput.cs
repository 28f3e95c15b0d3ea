using System.Globalization;
using CooperationLedger.Answers;
using Spectre.Console;

namespace CooperationLedger.Cli.Output;

/// <summary>
/// Prints a <see cref="LedgerSummary"/>: a few short tables whose length depends on the number of kinds, years,
/// currencies and <c>--top</c>, never on the number of facts, each saying which command lists what it summarises.
/// </summary>
internal static class SummaryOutput
{
    public static void Write(CliContext context, LedgerSummary summary)
    {
        var console = context.Console;
        TextOutput.Line(context, $"CooperationLedger report, as of {summary.AsOf}: {Count(summary.Facts)} facts.");
        TableOutput.Write(
            context,
            "Facts by kind",
            ["Kind", "Facts", "Years", "Most in"],
            summary.Kinds.Select(kind => (IReadOnlyList<string>)[kind.Type, Count(kind.Facts), Years(kind.Years), Busiest(kind.Years)]));
        // A row a decade, a column a year: the years of any history in a few lines. Dates open at the end the rule
        // reads fall in no year, and are counted under the table.
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
            TextOutput.Line(context, $"{Count(open)} facts have dates open at the end the rule reads, and fall in no year.");
        }

        var expected = summary.Currencies.Any(currency => !currency.Expected.IsZero);
        TableOutput.Write(
            context,
            "Totals by currency and stage (never added across currencies)",
            ["Currency", "Pledged", "Committed", "Realised", .. expected ? ["Expected (no promise)"] : Array.Empty<string>(), "Donations", "Donors"],
            summary.Currencies.Select(currency => (IReadOnlyList<string>)
            [
                currency.Currency.Code,
                Describe.Amount(currency.Pledged),
                Describe.Amount(currency.Committed),
                Describe.Amount(currency.Realised),
                .. expected ? [Describe.Amount(currency.Expected)] : Array.Empty<string>(),
                Count(currency.Donations),
                Count(currency.Donors),
            ]));
        // The donors of the currencies with the most donations, as many currencies as --top: the table stays short
        // however many currencies the ledger holds (the JSON has every currency's).
        var busiest = summary.Currencies.OrderByDescending(currency => currency.Donations).ThenBy(currency => currency.Currency.Code, StringComparer.Ordinal)
            .Take(summary.Top).OrderBy(currency => currency.Currency.Code, StringComparer.Ordinal).ToArray();
        TableOutput.Write(
            context,
            "Largest donors of the currencies with the most donations, by committed and realised (ledger donors --donor KEY --currency CODE lists one)",
            ["Currency", "Donor", "Key", "Committed and realised", "Pledged", "Donations", "Recipients"],
            busiest.SelectMany(currency => currency.Largest.Select(donor => (IReadOnlyList<string>)
            [
                currency.Currency.Code,
                donor.Donor.Name,
                donor.Donor.Id,
                Describe.Amount(donor.Committed.Plus(donor.Realised)),
                Describe.Amount(donor.Pledged),
                Count(donor.Donations),
                Count(donor.Recipients),
            ])));
        if (summary.Currencies.Count > busiest.Length)
        {
            TextOutput.Line(context, $"The largest donors of {Count(summary.Currencies.Count - busiest.Length)} other currencies: ledger donors --currency CODE, or --top N.");
        }

        if (summary.NoAmountStated > 0)
        {
            TextOutput.Line(context, $"{Count(summary.NoAmountStated)} donations and grants state no amount and are in no total (ledger donors lists them).");
        }

        TableOutput.Write(
            context,
            "Most claimed metrics (ledger claims --metric M lists one)",
            ["Metric", "Claims", "Disputed", "Latest claim", "Source"],
            summary.Metrics.Select(metric => (IReadOnlyList<string>)
            [
                Short(metric.Metric),
                Count(metric.Claims),
                Count(metric.Disputed),
                $"{metric.Latest.Measure} ({metric.Latest.Effective})",
                Describe.Sources(metric.Latest.Sources.Take(1)),
            ]));
        // One row a dispute, however many sources it has: `ledger claims --matter KEY` lists its versions with their citations.
        TableOutput.Write(
            context,
            "Disputes with the most versions (sources disagree; none chosen; ledger claims --matter KEY lists one)",
            ["Matter", "Versions", "Figures", "Latest source"],
            summary.Disputes.Select(dispute => (IReadOnlyList<string>)
            [
                Short(dispute.Matter),
                Count(dispute.Versions.Count),
                Figures(dispute.Versions.Select(version => version.Figure).Distinct(StringComparer.Ordinal).ToArray()),
                dispute.Versions.OrderByDescending(version => version.Citation.Document.PublishedOn.Latest).ThenBy(version => version.Key, StringComparer.Ordinal)
                    .Select(version => $"{version.Key} ({version.Citation.Document.Publication}, {version.Citation.Document.PublishedOn})").First(),
            ]));
        if (summary.DisputeCount > summary.Disputes.Count)
        {
            TextOutput.Line(context, $"{Count(summary.DisputeCount)} matters are disputed in all; ledger claims --matter KEY lists one, ledger donors and ledger claims list every one.");
        }

        TableOutput.Write(
            context,
            "Newest facts, by publication (ledger timeline lists every fact)",
            ["Published", "Date", "Type", "What", "Source"],
            summary.Newest.Select(item => (IReadOnlyList<string>)
            [
                item.Sources[0].Citation.Document.PublishedOn.ToString(),
                item.Effective.ToString(),
                item.Type,
                Short(item.Summary),
                Describe.Sources(item.Sources),
            ]));
        TextOutput.Line(context, $"Each list keeps at most {Count(summary.Top)} items (--top N); --all lists every donor total and claim.");
        TextOutput.Line(context, Describe.Rule(summary.AsOf));
    }

    /// <summary>Keeps a cell to a few lines, however much one fact says: its full text is in the listing the table names.</summary>
    internal static string Short(string text) => text.Length <= 160 ? text : string.Concat(text.AsSpan(0, 157).TrimEnd(), "...");

    private static string Figures(string[] figures) =>
        figures.Length <= 4 ? string.Join(", ", figures) : $"{string.Join(", ", figures.Take(3))} and {Count(figures.Length - 3)} more";

    private static string Years(IReadOnlyList<YearCount> years) =>
        years.Count == 0 ? "-" : years[0].Year == years[^1].Year ? Year(years[0].Year) : $"{Year(years[0].Year)} to {Year(years[^1].Year)}";

    private static string Busiest(IReadOnlyList<YearCount> years) =>
        years.OrderByDescending(year => year.Facts).ThenBy(year => year.Year ?? int.MaxValue).Select(year => $"{Year(year.Year)} ({Count(year.Facts)})").FirstOrDefault() ?? "-";

    private static string Year(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "open-ended";

    private static string Count(int count) => count.ToString("#,0", CultureInfo.InvariantCulture);
}
