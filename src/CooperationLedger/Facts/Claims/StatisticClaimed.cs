using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;

namespace CooperationLedger.Facts;

/// <summary>Someone claimed a statistic: a metric's level or change over a period, against a baseline period.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Claimant"><see langword="null"/> for an unattributed claim, the outlet's own statement; otherwise Who makes the claim (Bolotbek Nogoybayev, director of the Drug Control Agency).</param>
/// <param name="Subject">Whose results the statistic describes (the Drug Control Agency).</param>
/// <param name="Metric">What is measured ("narcotics seized").</param>
/// <param name="Measure">The number, exactly as claimed.</param>
/// <param name="Period"><see langword="null"/> when the source states no period; otherwise The period the statistic covers (January to September 2006).</param>
/// <param name="Baseline">The period it is compared with, for a change (January to September 2005).</param>
/// <param name="Effective">When the claim was made.</param>
/// <param name="Stage">Reported.</param>
/// <param name="Matter">The matter key shared with other claims about the same statistic, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record StatisticClaimed(
    Guid FactId,
    string Key,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Actor? Claimant,
    Actor Subject,
    string Metric,
    StatisticMeasure Measure,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReportedDate? Period,
    ReportedDate? Baseline,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>statistic_claimed</c>; feeds the claimed-statistics view.</summary>
    internal static readonly FactKind<StatisticClaimed> Descriptor = new("statistic_claimed", Read)
    {
        DefaultStage = Stage.Reported,
        Summary = e => $"{e.Claimant?.Name ?? "unattributed:"} claims {e.Metric} {e.Measure} {(e.Period is null ? "(no period stated)" : $"for {e.Period}")}{(e.Baseline is null ? string.Empty : $" against {e.Baseline}")}",
        Actors = e => [e.Claimant, e.Subject],
        Signature = e => e.Measure.ToString(),
        Compared = e => e.Measure.Comparison is { } c ? (ScaleOf(e.Metric, c.Scale), c.Figure) : null,
        Statistic = e => new StatisticParts(e.Claimant, e.Subject, e.Metric, e.Measure, e.Period, e.Baseline),
        Sampler = Sample,
        SampleWeight = 3,
        Example = """
            date: 2011-07-20
            claimant: nogoybayev
            subject: kg-dca
            metric: narcotics seized
            measure: { kind: percent_change, value: 30, unit: percent, verbatim: 30% more }
            period: 2011-01/2011-06
            baseline: 2010-01/2010-06
            """,
    };

    /// <summary>What a fact file writes for a claim with no claimant: the outlet's own statement.</summary>
    internal const string Unattributed = "unattributed";

    /// <summary>What a fact file writes for a claim that states no period.</summary>
    internal const string NoPeriod = "not_stated";

    /// <summary>Gets the scale a claim's figure is compared in: its metric (case and spacing aside) and its measure's scale.</summary>
    internal static string ScaleOf(string metric, string measureScale) =>
        $"{string.Join(' ', metric.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant()}|{measureScale}";

    private static StatisticClaimed? Read(IFactReading r, FactHeader h)
    {
        // Absent is said, never left out: a claimant or period missing by mistake is refused, not taken for none.
        var unattributed = r.Fields.Says("claimant", Unattributed);
        var claimant = unattributed ? null : r.Actor("claimant");
        var subject = r.Actor("subject");
        var metric = r.Fields.Text("metric", required: true, 200);
        var measure = ReadMeasure(r.Fields);
        // A phrase resolves against the publication date here as in every field ("last year"), unless an anchor is given.
        var noPeriod = r.Fields.Says("period", NoPeriod);
        var period = noPeriod ? null : r.Date(r.Fields, "period", required: true, anchor: r.PublicationDay);
        var baseline = r.Date(r.Fields, "baseline", required: false, anchor: r.PublicationDay);
        if (period is not null && baseline is not null && baseline.Latest >= period.Earliest)
        {
            r.Fields.Error("baseline", $"the baseline {baseline} does not end before the period {period} starts.");
        }

        return (claimant is null && !unattributed) || subject is null || metric is null || measure is null || (period is null && !noPeriod) ? null
            : new StatisticClaimed(h.Id, h.Key, claimant, subject, metric, measure, period, baseline, h.Effective, h.Stage, h.Matter, h.Citation) { Links = h.Links, Expected = h.Expected };
    }

    private static readonly string[] NumberFields = ["value", "unit", "approximation", "upperBound"];

    private static StatisticMeasure? ReadMeasure(IFactFields fields)
    {
        var measure = fields.Map("measure", required: true);
        if (measure is null)
        {
            return null;
        }

        var kind = measure.Choice<StatisticKind>("kind", required: true);
        var verbatim = measure.Text("verbatim", required: true, 300);
        if (kind == StatisticKind.Qualitative)
        {
            // A claim in words keeps its words and, if they give one, its direction; a number would be an invention.
            var direction = measure.Choice<Direction>("direction");
            foreach (var invented in NumberFields.Where(name => measure.Has(name)))
            {
                measure.Error(invented, "is not given for a qualitative claim: keep its words in verbatim, and its direction if they give one.");
            }

            measure.RejectUnknown();
            return verbatim is null ? null : measure.Check("verbatim", () => new StatisticMeasure(StatisticKind.Qualitative, null, null, verbatim, direction: direction));
        }

        var value = measure.Decimal("value", required: true);
        var unit = measure.Text("unit", required: kind != StatisticKind.Ratio, 100);
        var approximation = measure.Choice<Approximation>("approximation") ?? Approximation.Exact;
        var upper = measure.Decimal("upperBound");
        if (measure.Has("direction"))
        {
            measure.Error("direction", "is given only for a qualitative claim: a number says its own direction.");
        }

        measure.RejectUnknown();
        return kind is null || value is null || (unit is null && kind != StatisticKind.Ratio) || verbatim is null ? null
            : measure.Check("value", () => new StatisticMeasure(kind.Value, value.Value, unit, verbatim, approximation, upper));
    }

    private static FactSample Sample(FactSampler s)
    {
        var (id, key, day) = (s.Id, s.Key, s.Day);
        var claimant = s.Pick(s.Officials);
        var subject = s.AgencyOf(claimant);
        var metric = s.Pick(s.Metrics);
        var year = s.Published.Year - 1;
        var months = s.Next(3, 13);
        var period = ReportedDate.MonthsFrom(new YearMonth(year, 1), new YearMonth(year, months));
        var baseline = ReportedDate.MonthsFrom(new YearMonth(year - 1, 1), new YearMonth(year - 1, months));
        var value = s.Next(-300, 800) / 10m;
        var measure = new StatisticMeasure(StatisticKind.PercentChange, value, "percent", $"{Math.Abs(value).ToString("0.#", CultureInfo.InvariantCulture)}% {(value < 0 ? "less" : "more")}");
        return new FactSample(
            $"{claimant.Name} said the {subject.Name} recorded {measure.Verbatim} {metric} in {period} than in {baseline}.",
            c => new StatisticClaimed(id, key, claimant, subject, metric, measure, period, baseline, day, Stage.Reported, $"{subject.Id}-{metric.Replace(' ', '-')}-{period}", c),
            Stance.Party,
            claimant);
    }
}
