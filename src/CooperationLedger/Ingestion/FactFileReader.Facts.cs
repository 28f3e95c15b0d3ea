using CooperationLedger.Agreements;
using CooperationLedger.Claims;
using CooperationLedger.Donations;
using CooperationLedger.Engagements;
using CooperationLedger.Facts;
using CooperationLedger.Revisions;
using CooperationLedger.Sources;
using CooperationLedger.Time;

namespace CooperationLedger.Ingestion;

/// <content>Reading each type of fact.</content>
internal static partial class FactFileReader
{
    private delegate IReportedFact? BodyReader(FactContext context, Common common);

    private static readonly Dictionary<string, (Stage? DefaultStage, BodyReader Read)> Readers = new(StringComparer.Ordinal)
    {
        ["agreement_signed"] = (Stage.Realised, ReadAgreement),
        ["equipment_donated"] = (null, ReadEquipmentDonation),
        ["grant_provided"] = (null, ReadGrant),
        ["training_provided"] = (null, ReadTraining),
        ["statistic_claimed"] = (Stage.Reported, ReadStatistic),
        ["operation_results_claimed"] = (Stage.Reported, ReadOperationResults),
        ["award_conferred"] = (Stage.Realised, ReadAward),
        ["meeting_held"] = (Stage.Realised, ReadMeeting),
        ["structure_established"] = (Stage.Realised, ReadStructure),
        ["exercise_held"] = (Stage.Realised, ReadExercise),
        ["poll_published"] = (Stage.Reported, ReadPoll),
    };

    private static ILedgerEvent? ReadFact(FactContext context)
    {
        var fields = context.Fields;
        var type = fields.Text("type", required: true, 60);
        if (type is null)
        {
            return null;
        }

        if (type is "fact_corrected" or "fact_retracted")
        {
            return ReadRevision(context, type);
        }

        if (!Readers.TryGetValue(type, out var reader))
        {
            fields.Error("type", $"'{type}' is not a fact type; the types are: {string.Join(", ", FactTypes.All.Select(entry => entry.Alias))}.");
            return null;
        }

        var anchor = context.Document.PublishedOn.Earliest ?? context.Document.PublishedOn.Latest;
        var effective = ReadDate(fields, "date", required: true, anchor);
        var stage = fields.Choice<Stage>("stage", required: reader.DefaultStage is null) ?? reader.DefaultStage;
        var matter = fields.Text("matter", maxLength: 200);
        var citation = ReadCitation(context);
        var body = reader.Read(context, new Common(effective!, stage ?? Stage.Reported, matter, citation!));
        if (effective is null || stage is null || citation is null || body is null)
        {
            return null;
        }

        if (FactRules.DatedAfterPublication(body, context.Document) is { } reason)
        {
            fields.Error("date", reason);
        }

        return body;
    }

    private static Citation? ReadCitation(FactContext context)
    {
        var fields = context.Fields.Map("citation", required: true);
        if (fields is null)
        {
            return null;
        }

        var quote = fields.Text("quote", required: true, Citation.MaxQuoteLength);
        var attributedId = fields.Text("attributedTo", maxLength: 100);
        var stance = fields.Choice<Stance>("stance", required: attributedId is not null) ?? Stance.Source;
        var relay = ReadRelay(fields);
        fields.RejectUnknown();

        var attributed = attributedId is null ? null : context.Resolve(fields.PathOf("attributedTo"), attributedId);
        if (quote is null || (attributedId is not null && attributed is null))
        {
            return null;
        }

        var location = context.Quotes.Locate(quote);
        if (location is null)
        {
            fields.Error("quote", "is not found in the article (whitespace and typographic quotes aside); quote it verbatim.");
            return null;
        }

        return fields.Check("stance", () => new Citation(context.Document, quote, stance, attributed, relay, location));
    }

    private static Relay? ReadRelay(YamlFields citation)
    {
        var raw = citation.Raw("relayedFrom");
        if (raw is null)
        {
            return null;
        }

        if (raw is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            var outlet = citation.Text("relayedFrom", maxLength: 300);
            return outlet is null ? null : citation.Check("relayedFrom", () => new Relay(outlet));
        }

        var fields = citation.Map("relayedFrom");
        if (fields is null)
        {
            return null;
        }

        var name = fields.Text("outlet", required: true, 300);
        var date = ReadDate(fields, "date", required: false, anchor: null);
        fields.RejectUnknown();
        return name is null ? null : fields.Check("outlet", () => new Relay(name, date));
    }

    private static IReportedFact? ReadAgreement(FactContext c, Common common)
    {
        var parties = c.ActorList("parties", minimum: 2);
        var areas = c.Fields.Texts("areas", required: true);
        var title = c.Fields.Text("title", maxLength: 300);
        return parties.Count < 2 ? null : new AgreementSigned(c.Id, c.FullKey, parties, areas, title, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static IReportedFact? ReadEquipmentDonation(FactContext c, Common common)
    {
        var donor = c.Actor("donor");
        var recipient = c.Actor("recipient");
        var channel = c.Actor("channel", required: false);
        var items = c.Fields.Texts("items", required: true);
        var value = ReadMoney(c.Fields, "value");
        return donor is null || recipient is null ? null
            : new EquipmentDonated(c.Id, c.FullKey, donor, recipient, channel, items, value, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static IReportedFact? ReadGrant(FactContext c, Common common)
    {
        var donor = c.Actor("donor");
        var recipient = c.Actor("recipient");
        var purpose = c.Fields.Text("purpose", required: true, 500);
        var value = ReadMoney(c.Fields, "value");
        return donor is null || recipient is null || purpose is null ? null
            : new GrantProvided(c.Id, c.FullKey, donor, recipient, purpose, value, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static IReportedFact? ReadTraining(FactContext c, Common common)
    {
        var provider = c.Actor("provider");
        var recipient = c.Actor("recipient");
        var subject = c.Fields.Text("subject", required: true, 500);
        return provider is null || recipient is null || subject is null ? null
            : new TrainingProvided(c.Id, c.FullKey, provider, recipient, subject, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static IReportedFact? ReadStatistic(FactContext c, Common common)
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

    private static IReportedFact? ReadOperationResults(FactContext c, Common common)
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

    private static IReportedFact? ReadAward(FactContext c, Common common)
    {
        var conferrer = c.Actor("conferrer");
        var recipient = c.Actor("recipient");
        var award = c.Fields.Text("award", required: true, 300);
        var recipients = c.Fields.Integer("recipients", min: 1, max: 1_000_000);
        var reason = c.Fields.Text("reason", maxLength: 500);
        return conferrer is null || recipient is null || award is null ? null
            : new AwardConferred(c.Id, c.FullKey, conferrer, recipient, award, recipients, reason, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static IReportedFact? ReadMeeting(FactContext c, Common common)
    {
        var kind = c.Fields.Choice<MeetingKind>("kind") ?? MeetingKind.Meeting;
        var participants = c.ActorList("participants", minimum: 2);
        var place = c.Fields.Text("place", maxLength: 300);
        var subjects = c.Fields.Texts("subjects");
        return participants.Count < 2 ? null
            : new MeetingHeld(c.Id, c.FullKey, kind, participants, place, subjects, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static IReportedFact? ReadStructure(FactContext c, Common common)
    {
        var establisher = c.Actor("establisher");
        var name = c.Fields.Text("name", required: true, 300);
        var kind = c.Fields.Text("structureKind", required: true, 200);
        var location = c.Fields.Text("location", maxLength: 300);
        var purpose = c.Fields.Text("purpose", maxLength: 500);
        return establisher is null || name is null || kind is null ? null
            : new StructureEstablished(c.Id, c.FullKey, establisher, name, kind, location, purpose, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static IReportedFact? ReadExercise(FactContext c, Common common)
    {
        var participants = c.ActorList("participants", minimum: 1);
        var name = c.Fields.Text("name", required: true, 300);
        var purpose = c.Fields.Text("purpose", maxLength: 500);
        var place = c.Fields.Text("place", maxLength: 300);
        return participants.Count == 0 || name is null ? null
            : new ExerciseHeld(c.Id, c.FullKey, participants, name, purpose, place, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static IReportedFact? ReadPoll(FactContext c, Common common)
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

    private static ILedgerEvent? ReadRevision(FactContext c, string type)
    {
        var fields = c.Fields;
        var target = fields.Text(type == "fact_corrected" ? "corrects" : "retracts", required: true, 210);
        var reason = fields.Text("reason", required: true, 1000);
        var citation = ReadCitation(c);
        Correction? changes = null;
        if (type == "fact_corrected")
        {
            var change = fields.Map("changes", required: true);
            if (change is not null)
            {
                var value = ReadMoney(change, "value");
                var statistic = change.Decimal("statisticValue");
                var date = ReadDate(change, "date", required: false, anchor: null);
                var stage = change.Choice<Stage>("stage");
                change.RejectUnknown();
                changes = new Correction(value, statistic, date, stage);
                if (changes.IsEmpty)
                {
                    fields.Error("changes", "says nothing to change: give value, statisticValue, date or stage.");
                }
            }
        }

        if (target is null || reason is null || citation is null || (type == "fact_corrected" && (changes is null || changes.IsEmpty)))
        {
            return null;
        }

        var revised = RevisedFactId(c, target, type == "fact_corrected" ? "corrects" : "retracts");
        if (revised is null)
        {
            return null;
        }

        return type == "fact_corrected"
            ? new FactCorrected(c.Id, c.FullKey, revised.Value, reason, changes!, citation)
            : new FactRetracted(c.Id, c.FullKey, revised.Value, reason, citation);
    }

    private static Guid? RevisedFactId(FactContext c, string target, string field)
    {
        var parts = target.Split('/');
        var (documentKey, factKey) = parts.Length switch
        {
            1 => (c.Document.Key, parts[0]),
            2 => (parts[0], parts[1]),
            _ => (null, null),
        };
        if (documentKey is null || factKey is null || !FactKey().IsMatch(documentKey) || !FactKey().IsMatch(factKey))
        {
            c.Fields.Error(field, $"'{target}' is not a fact reference: write document-key/fact-key, or fact-key for this document.");
            return null;
        }

        if (documentKey == c.Document.Key && factKey == c.Key)
        {
            c.Fields.Error(field, "a fact cannot revise itself.");
            return null;
        }

        return FactIds.ForFact(documentKey, factKey);
    }

    /// <summary>The parts every reported fact has.</summary>
    private sealed record Common(ReportedDate Effective, Stage Stage, string? Matter, Citation Citation);
}
