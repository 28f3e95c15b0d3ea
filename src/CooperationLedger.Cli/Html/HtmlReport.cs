using System.Globalization;
using System.Net;
using System.Text;
using CooperationLedger.Answers;
using CooperationLedger.Cli.Output;
using CooperationLedger.Facts;

namespace CooperationLedger.Cli.Html;

/// <summary>
/// Writes the report as one self-contained HTML page that opens offline: its style and its one small script are in the
/// page, and its charts are SVG drawn here, so nothing is fetched. It shows a timeline of the facts by effective date
/// with the three axes explained, the donations by donor and year as a chart, the claims with their disputes side by
/// side, and every figure linked to its audit trail: document, speaker, stance, and the verbatim quote marked in its
/// paragraph, which a click on the figure opens.
/// </summary>
internal static class HtmlReport
{
    private const int Width = 960;

    public static async Task WriteAsync(TextWriter writer, HtmlReportData data)
    {
        var page = new StringBuilder();
        var summary = data.Summary;
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>CooperationLedger: what the record says, {E(Describe.Point(summary.AsOf))}</title>
            <style>{Style}</style>
            </head>
            <body>
            <header>
            <h1>What the record says</h1>
            <p class="point">{E(Describe.Point(summary.AsOf))}: {summary.Facts:#,0} facts. {E(Describe.RuleInWords(summary.AsOf.Rule))}</p>
            </header>
            <main>
            """);
        Axes(page, summary.AsOf);
        Timeline(page, data);
        Donations(page, data);
        Claims(page, data);
        Trails(page, data);
        page.Append(CultureInfo.InvariantCulture, $"""
            </main>
            <dialog id="trail-dialog" aria-label="Audit trail"><div class="content"></div><form method="dialog"><button>Close</button></form></dialog>
            <script>{Script}</script>
            </body>
            </html>
            """);
        await writer.WriteAsync(page.ToString()).ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    private static void Axes(StringBuilder page, AsOf asOf) => page.Append(CultureInfo.InvariantCulture, $"""
        <section id="axes"><h2>Three time axes</h2>
        <dl class="axes">
        <dt>Effective ({E(asOf.Effective?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "now")})</dt><dd>When a fact happened: an agreement signed, equipment handed over. The timeline below is drawn on this axis.</dd>
        <dt>Known ({E(asOf.KnownOn?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "now")})</dt><dd>When it was reported: the day its document was published. Only what had been published by then is shown.</dd>
        <dt>Recorded ({E(asOf.RecordedAt?.ToString() ?? "now")})</dt><dd>When the ledger recorded it: corrections and retractions recorded later are not applied.</dd>
        </dl></section>
        """);

    private static void Timeline(StringBuilder page, HtmlReportData data)
    {
        page.Append("<section id=\"timeline\"><h2>Timeline of facts by effective date</h2>");
        if (data.Timeline.Count == 0)
        {
            page.Append("<p>No facts.</p></section>");
            return;
        }

        if (data.TimelineCount > data.Timeline.Count)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">The {data.Timeline.Count:#,0} latest of {data.TimelineCount:#,0} facts; ledger timeline lists every one.</p>");
        }

        var kinds = data.Timeline.Select(item => item.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var days = data.Timeline.Select(item => Day(item.Effective)).ToArray();
        var (first, last) = (days.Min(), days.Max());
        var span = Math.Max(last - first, 1);
        const int left = 170, lane = 26, top = 30;
        var height = top + (kinds.Length * lane) + 10;
        page.Append(CultureInfo.InvariantCulture, $"<svg id=\"timeline-chart\" role=\"img\" aria-label=\"Facts by effective date and kind\" viewBox=\"0 0 {Width} {height}\" preserveAspectRatio=\"xMinYMin meet\">");
        var (firstYear, lastYear) = (FromDay(first).Year, FromDay(last).Year);
        foreach (var year in Enumerable.Range(firstYear, lastYear - firstYear + 2))
        {
            var x = left + ((DayOf(new NodaTime.LocalDate(year, 1, 1)) - first) * (Width - left - 20.0) / span);
            if (x >= left && x <= Width - 40)
            {
                page.Append(CultureInfo.InvariantCulture, $"<line class=\"year\" x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{top - 12}\" y2=\"{height - 5}\"/><text class=\"year\" x=\"{x + 3:0.#}\" y=\"{top - 16}\">{year}</text>");
            }
        }

        for (var k = 0; k < kinds.Length; k++)
        {
            page.Append(CultureInfo.InvariantCulture, $"<text class=\"lane\" x=\"4\" y=\"{top + (k * lane) + 16}\">{E(kinds[k].Replace('_', ' '))}</text><line class=\"lane\" x1=\"{left}\" x2=\"{Width - 10}\" y1=\"{top + (k * lane) + 12}\" y2=\"{top + (k * lane) + 12}\"/>");
        }

        foreach (var item in data.Timeline)
        {
            var k = Array.IndexOf(kinds, item.Type);
            var x = left + ((Day(item.Effective) - first) * (Width - left - 20.0) / span);
            page.Append(CultureInfo.InvariantCulture, $"<a class=\"fact\" href=\"#fact-{item.FactId}\" data-fact=\"{item.FactId}\"><circle class=\"kind-{k % 8}\" cx=\"{x:0.#}\" cy=\"{top + (k * lane) + 12}\" r=\"6\"><title>{E($"{item.Effective}: {item.Summary}")}</title></circle></a>");
        }

        page.Append("</svg></section>");
    }

    /// <summary>
    /// Draws, for each currency, each donor's totals as they stood at the end of each year, by stage, as grouped bars:
    /// stages are never added into one figure, and currencies never share an axis.
    /// </summary>
    private static void Donations(StringBuilder page, HtmlReportData data)
    {
        page.Append("<section id=\"donations\"><h2>Donations by donor, recipient and year</h2><p class=\"note\">Each bar is what the record said a donor had pledged, committed or given by the end of the year, over its recipients (named in the bar's title); a bar opens the trail of its newest fact.</p>");
        var lines = data.DonationsByYear
            .SelectMany(year => year.Totals.Totals.Select(total => (year.Year, Total: total)))
            .ToArray();
        if (lines.Length == 0)
        {
            page.Append("<p>No donation states an amount.</p></section>");
            return;
        }

        foreach (var currency in lines.GroupBy(line => line.Total.Currency.Code, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var years = data.DonationsByYear.Select(year => year.Year).ToArray();
            var bars = currency.GroupBy(line => (line.Year, line.Total.Donor.Id))
                .SelectMany(group => Stages(group.Select(line => line.Total).ToArray()).Select(stage => (group.Key.Year, Donor: group.First().Total.Donor, stage.Name, stage.Total, stage.Facts, Recipients: group.Select(line => line.Total.Recipient.Name).Distinct().ToArray())))
                .ToArray();
            var donors = bars.Select(bar => bar.Donor.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var most = bars.Max(bar => Value(bar.Total));
            const int left = 60, height = 220, bottom = 40;
            var slot = (Width - left - 20.0) / years.Length;
            var barWidth = Math.Max(4, (slot - 10) / Math.Max(1, donors.Length * 3));
            page.Append(CultureInfo.InvariantCulture, $"<h3>{E(currency.Key)}</h3><svg class=\"chart donations\" data-currency=\"{E(currency.Key)}\" role=\"img\" aria-label=\"Donations in {E(currency.Key)} by donor and year\" viewBox=\"0 0 {Width} {height + bottom}\" preserveAspectRatio=\"xMinYMin meet\">");
            page.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{left}\" x2=\"{Width - 10}\" y1=\"{height}\" y2=\"{height}\"/><text class=\"axis\" x=\"4\" y=\"14\">{E(Number(most))}</text><text class=\"axis\" x=\"4\" y=\"{height}\">0</text>");
            for (var y = 0; y < years.Length; y++)
            {
                page.Append(CultureInfo.InvariantCulture, $"<text class=\"year\" x=\"{left + (y * slot) + 4:0.#}\" y=\"{height + 16}\">{years[y]}</text>");
            }

            foreach (var bar in bars)
            {
                var y = Array.IndexOf(years, bar.Year);
                var d = Array.IndexOf(donors, bar.Donor.Id);
                var s = bar.Name switch { "pledged" => 0, "committed" => 1, _ => 2 };
                var x = left + (y * slot) + 4 + (((d * 3) + s) * barWidth);
                var h = most <= 0 ? 0 : Value(bar.Total) / most * (height - 20);
                var title = $"{bar.Donor.Name} to {string.Join(", ", bar.Recipients)}, by the end of {bar.Year}: {Describe.Amount(bar.Total)} {currency.Key} {bar.Name}";
                page.Append(CultureInfo.InvariantCulture, $"<a class=\"bar-link\" href=\"#fact-{bar.Facts[^1]}\" data-fact=\"{bar.Facts[^1]}\"><rect class=\"bar stage-{bar.Name} donor-{d % 8}\" data-donor=\"{E(bar.Donor.Id)}\" data-year=\"{bar.Year}\" data-facts=\"{string.Join(' ', bar.Facts)}\" x=\"{x:0.#}\" y=\"{height - h:0.#}\" width=\"{barWidth - 1:0.#}\" height=\"{h:0.#}\"><title>{E(title)}</title></rect></a>");
            }

            page.Append("</svg><p class=\"legend\">");
            for (var d = 0; d < donors.Length; d++)
            {
                page.Append(CultureInfo.InvariantCulture, $"<span class=\"swatch donor-{d % 8}\"></span>{E(bars.First(bar => bar.Donor.Id == donors[d]).Donor.Name)} ");
            }

            page.Append("· bars left to right: pledged, committed, given</p>");
        }

        page.Append("</section>");
    }

    private static IEnumerable<(string Name, AmountTotal Total, IReadOnlyList<Guid> Facts)> Stages(IReadOnlyList<DonorTotal> totals)
    {
        var facts = totals.SelectMany(total => total.Facts).Distinct().ToArray();
        foreach (var (name, pick) in new (string, Func<DonorTotal, AmountTotal>)[] { ("pledged", total => total.Pledged), ("committed", total => total.Committed), ("given", total => total.Realised) })
        {
            var sum = totals.Select(pick).Aggregate((a, b) => a.Plus(b));
            if (!sum.IsZero)
            {
                yield return (name, sum, facts);
            }
        }
    }

    private static void Claims(StringBuilder page, HtmlReportData data)
    {
        page.Append("<section id=\"claims\"><h2>Claimed statistics</h2>");
        if (data.Claims.Claims.Count == 0)
        {
            page.Append("<p>No claims.</p>");
        }
        else
        {
            page.Append("<table><thead><tr><th>Metric</th><th>Claim</th><th>Period</th><th>Claimed by</th><th>Standing</th><th>Source</th></tr></thead><tbody>");
            foreach (var claim in data.Claims.Claims)
            {
                page.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(claim.Metric)}</td><td>{Figure(claim.FactId, claim.Measure.ToString())}</td><td>{E(claim.Period?.ToString() ?? "not stated")}</td><td>{E(claim.Claimant?.Name ?? "the outlet itself")}</td><td>{E(claim.Standing.ToString().ToLowerInvariant())}</td><td>{E(Describe.Cited(claim.Sources))}</td></tr>");
            }

            page.Append("</tbody></table>");
            if (data.ClaimCount > data.Claims.Claims.Count)
            {
                page.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">The first {data.Claims.Claims.Count:#,0} of {data.ClaimCount:#,0} claims; ledger claims lists every one.</p>");
            }
        }

        page.Append("<h3>Disputes: what each source says, side by side (none is chosen)</h3>");
        if (data.Claims.Disputes.Count == 0)
        {
            page.Append("<p>No disputes.</p>");
        }

        foreach (var dispute in data.Claims.Disputes)
        {
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"dispute\"><h4>{E(dispute.Matter)}</h4><div class=\"versions\">");
            foreach (var version in dispute.Versions)
            {
                page.Append(CultureInfo.InvariantCulture, $"<div class=\"version\"><p class=\"figure-line\">{Figure(version.FactId, version.Figure)}</p><p>{E(version.Citation.AttributedTo?.Name ?? "the outlet itself")} in {E(version.Citation.Document.Publication)}, {E(version.Citation.Document.PublishedOn.ToString())}</p></div>");
            }

            page.Append("</div></div>");
        }

        page.Append("</section>");
    }

    private static void Trails(StringBuilder page, HtmlReportData data)
    {
        page.Append("<section id=\"trails\"><h2>Audit trails</h2><p class=\"note\">Every fact on this page, with its source: the document, who said it, in what voice, and the verbatim quote marked in its paragraph of the stored article.</p>");
        foreach (var (id, trail) in data.Trails.OrderBy(pair => pair.Value.Fact.Key, StringComparer.Ordinal))
        {
            var citation = trail.Fact.Citation;
            var document = citation.Document;
            page.Append(CultureInfo.InvariantCulture, $"<article class=\"trail\" id=\"fact-{id}\"><h3>{E(trail.Fact.Key)}</h3><p class=\"summary\">{E(trail.Summary)}{(trail.Figure is { } figure ? $" <strong>{E(figure)}</strong>" : string.Empty)}</p><dl>");
            page.Append(CultureInfo.InvariantCulture, $"<dt>Document</dt><dd>{E(Describe.Document(document))}{(document.Url is { } url ? $" <a href=\"{E(url.ToString())}\">{E(url.ToString())}</a>" : string.Empty)}</dd>");
            page.Append(CultureInfo.InvariantCulture, $"<dt>Said by</dt><dd class=\"speaker\">{E(citation.AttributedTo is { } who ? who.Name + (who.Role is { } role ? $", {role}" : string.Empty) : "the outlet itself")}</dd>");
            page.Append(CultureInfo.InvariantCulture, $"<dt>Stance</dt><dd class=\"stance\">{E(citation.Stance.ToString().ToLowerInvariant())}</dd>");
            if (citation.RelayedFrom is { } relay)
            {
                page.Append(CultureInfo.InvariantCulture, $"<dt>Relayed from</dt><dd>{E(relay.Outlet)}{(relay.Date is { } date ? $", {E(date.ToString())}" : string.Empty)}</dd>");
            }

            page.Append(CultureInfo.InvariantCulture, $"<dt>Recorded</dt><dd>{E(trail.Recorded.RecordedAt.ToString())}</dd></dl>");
            page.Append("<blockquote class=\"passage\">");
            if (trail.Passage is { } passage)
            {
                page.Append(CultureInfo.InvariantCulture, $"{E(passage.Text[..passage.QuoteStart])}<mark class=\"quote\">{E(passage.Text.Substring(passage.QuoteStart, passage.QuoteLength))}</mark>{E(passage.Text[(passage.QuoteStart + passage.QuoteLength)..])}");
            }
            else
            {
                page.Append(CultureInfo.InvariantCulture, $"<mark class=\"quote\">{E(citation.Quote)}</mark>");
            }

            page.Append("</blockquote>");
            foreach (var revision in trail.Revisions)
            {
                page.Append(CultureInfo.InvariantCulture, $"<p class=\"revision\">{(revision.IsRetraction ? "Retracted" : "Corrected")} by {E(revision.Key)}: {E(revision.Reason)} ({E(revision.Citation.Document.Publication)}, {E(revision.Citation.Document.PublishedOn.ToString())})</p>");
            }

            page.Append("</article>");
        }

        page.Append("</section>");
    }

    private static string Figure(Guid fact, string text) => $"<a class=\"figure\" href=\"#fact-{fact}\" data-fact=\"{fact}\">{E(text)}</a>";

    private static double Value(AmountTotal total) => (double)(total.Low is { } low && total.High is { } high ? (low + high) / 2 : total.Exact + total.Approximate);

    private static string Number(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static int Day(ReportedDate date) => DayOf(date.Latest ?? date.Earliest ?? new NodaTime.LocalDate(2000, 1, 1));

    private static int DayOf(NodaTime.LocalDate date) => (int)(date.ToDateOnly().DayNumber);

    private static NodaTime.LocalDate FromDay(int day) => NodaTime.LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1000px;padding:0 16px;color:#1b1b1b}
        h1{margin-bottom:0}.point{color:#444;margin-top:4px}.note{color:#555;font-size:13px}
        svg{width:100%;height:auto;display:block;margin:8px 0}
        line.year,line.lane{stroke:#ddd}text{font-size:12px;fill:#333}text.lane{font-size:12px}
        .kind-0{fill:#1f77b4}.kind-1{fill:#ff7f0e}.kind-2{fill:#2ca02c}.kind-3{fill:#d62728}.kind-4{fill:#9467bd}.kind-5{fill:#8c564b}.kind-6{fill:#e377c2}.kind-7{fill:#7f7f7f}
        .donor-0{fill:#1f77b4;background:#1f77b4}.donor-1{fill:#ff7f0e;background:#ff7f0e}.donor-2{fill:#2ca02c;background:#2ca02c}.donor-3{fill:#d62728;background:#d62728}.donor-4{fill:#9467bd;background:#9467bd}.donor-5{fill:#8c564b;background:#8c564b}.donor-6{fill:#e377c2;background:#e377c2}.donor-7{fill:#7f7f7f;background:#7f7f7f}
        .stage-pledged{opacity:.45}.stage-committed{opacity:.7}line.axis{stroke:#888}
        .swatch{display:inline-block;width:10px;height:10px;margin:0 4px 0 8px}
        a.fact circle:hover,a.bar-link rect:hover{stroke:#000;stroke-width:2}
        table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
        .versions{display:flex;flex-wrap:wrap;gap:12px}.version{border:1px solid #ccc;border-radius:6px;padding:6px 10px;flex:1 1 200px}
        .trail{border-top:1px solid #ddd;padding:8px 0}.trail h3{font-size:15px;margin:4px 0}.trail dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0}.trail dt{color:#555}
        blockquote.passage{margin:6px 0;padding:6px 12px;border-left:4px solid #bbb;background:#fafafa}mark.quote{background:#ffe36e}
        dialog{max-width:760px;width:90vw;border:1px solid #888;border-radius:8px}dialog .trail{border:0}
        @media (max-width:600px){body{font-size:14px}table{font-size:12px}.trail dl{grid-template-columns:1fr}}
        """;

    // Opens a figure's trail in a dialog, the passage marked; without the script, the link still goes to the trail.
    private const string Script = """
        document.addEventListener('click', function (event) {
          var link = event.target.closest('[data-fact]');
          if (!link) { return; }
          var trail = document.getElementById('fact-' + link.getAttribute('data-fact'));
          if (!trail) { return; }
          event.preventDefault();
          var dialog = document.getElementById('trail-dialog');
          dialog.querySelector('.content').innerHTML = trail.outerHTML.replace(' id="fact-', ' data-shown="');
          dialog.showModal();
        });
        """;
}
