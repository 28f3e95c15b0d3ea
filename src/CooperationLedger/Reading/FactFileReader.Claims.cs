using CooperationLedger.Facts;

namespace CooperationLedger.Reading;

/// <content>Reading claims: statistics, operation results and polls.</content>
internal static partial class FactFileReader
{
    private static StatisticClaimed? ReadStatistic(FactContext c, Common common)
    {
        var claimant = c.Actor("claimant");
        var subject = c.Actor("subject");
        var metric = c.Fields.Text("metric", required: true, 200);
        var measure = ReadMeasure(c.Fields);
        var period = ReadDate(c.Fields, "period", required: true, anchor: null);
        var baseline = ReadDate(c.Fields, "baseline", required: false, anchor: null);
        if (period is not null && baseline is not null && baseline.Latest >= period.Earliest)
        {
            c.Fields.Error("baseline", $"the baseline {baseline} does not end before the period {period} starts.");
        }

        return claimant is null || subject is null || metric is null || measure is null || period is null ? null
            : new StatisticClaimed(c.Id, c.FullKey, claimant, subject, metric, measure, period, baseline, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static StatisticMeasure? ReadMeasure(YamlFields fields)
    {
        var measure = fields.Map("measure", required: true);
        if (measure is null)
        {
            return null;
        }

        var kind = measure.Choice<StatisticKind>("kind", required: true);
        var value = measure.Decimal("value", required: true);
        var unit = measure.Text("unit", required: true, 100);
        var verbatim = measure.Text("verbatim", required: true, 300);
        measure.RejectUnknown();
        return kind is null || value is null || unit is null || verbatim is null ? null
            : measure.Check("value", () => new StatisticMeasure(kind.Value, value.Value, unit, verbatim));
    }

    private static OperationResultsClaimed? ReadOperationResults(FactContext c, Common common)
    {
        var by = c.ActorList("by", minimum: 1);
        var counts = new List<OutcomeCount>();
        foreach (var count in c.Fields.Maps("counts", required: true))
        {
            var outcome = count.Text("outcome", required: true, 100);
            var quantity = ReadQuantity(count, "count");
            var subject = count.Text("subject", required: true, 300);
            var of = count.Text("of", maxLength: 100);
            var breakdown = new List<CountShare>();
            foreach (var share in count.Maps("breakdown"))
            {
                var label = share.Text("label", required: true, 200);
                var actor = share.Text("actor", maxLength: 100);
                var shareCount = ReadQuantity(share, "count");
                share.RejectUnknown();
                if (actor is not null)
                {
                    c.Resolve(share.PathOf("actor"), actor);
                }

                if (label is not null && shareCount is not null)
                {
                    breakdown.Add(new CountShare(label, actor, shareCount));
                }
            }

            count.RejectUnknown();
            if (quantity is not null && breakdown.Count > 0 && breakdown.Sum(share => share.Count.Low) > (quantity.High ?? quantity.Low))
            {
                count.Error("breakdown", $"its parts add up to more than the count ({quantity}).");
            }

            if (outcome is not null && quantity is not null && subject is not null)
            {
                counts.Add(new OutcomeCount(outcome, quantity, subject, of, breakdown));
            }
        }

        var period = ReadDate(c.Fields, "period", required: false, anchor: c.Document.PublishedOn.Earliest ?? c.Document.PublishedOn.Latest);
        foreach (var part in counts.Where(count => count.OfOutcome is not null && counts.All(other => other.Outcome != count.OfOutcome)))
        {
            c.Fields.Error("counts", $"'{part.Outcome}' is part of '{part.OfOutcome}', which is not a count of this fact.");
        }

        return by.Count == 0 || counts.Count == 0 ? null
            : new OperationResultsClaimed(c.Id, c.FullKey, by, counts, period, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static Quantity? ReadQuantity(YamlFields fields, string name)
    {
        var text = fields.Text(name, required: true, 30);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('-', 2);
        if (!int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var low)
            || (parts.Length == 2 && !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            fields.Error(name, $"'{text}' is not a count (a whole number, or a range such as 10-20).");
            return null;
        }

        int? high = parts.Length == 2 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : null;
        return fields.Check(name, () => new Quantity(low, high));
    }

    private static PollPublished? ReadPoll(FactContext c, Common common)
    {
        var pollster = c.Actor("pollster");
        var respondents = c.Fields.Integer("respondents", required: true, min: 1, max: 100_000_000);
        var population = c.Fields.Text("population", required: true, 300);
        var question = c.Fields.Text("question", required: true, 500);
        var fieldwork = ReadDate(c.Fields, "fieldwork", required: true, anchor: c.Document.PublishedOn.Earliest ?? c.Document.PublishedOn.Latest);
        var results = new List<PollResult>();
        foreach (var result in c.Fields.Maps("results", required: true))
        {
            var option = result.Text("option", required: true, 300);
            var percent = result.Decimal("percent", required: true);
            result.RejectUnknown();
            if (percent is < 0 or > 100)
            {
                result.Error("percent", $"{percent} is not a share from 0 to 100.");
            }
            else if (option is not null && percent is not null)
            {
                results.Add(new PollResult(option, percent.Value));
            }
        }

        return pollster is null || respondents is null || population is null || question is null || fieldwork is null || results.Count == 0 ? null
            : new PollPublished(c.Id, c.FullKey, pollster, respondents.Value, population, question, results, fieldwork, common.Effective, common.Stage, common.Matter, common.Citation);
    }
}
