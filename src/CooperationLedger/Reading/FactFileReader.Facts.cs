using CooperationLedger.Facts;

namespace CooperationLedger.Reading;

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

    private static AgreementSigned? ReadAgreement(FactContext c, Common common)
    {
        var parties = c.ActorList("parties", minimum: 2);
        var areas = c.Fields.Texts("areas", required: true);
        var title = c.Fields.Text("title", maxLength: 300);
        return parties.Count < 2 ? null : new AgreementSigned(c.Id, c.FullKey, parties, areas, title, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static EquipmentDonated? ReadEquipmentDonation(FactContext c, Common common)
    {
        var donor = c.Actor("donor");
        var recipient = c.Actor("recipient");
        var channel = c.Actor("channel", required: false);
        var items = c.Fields.Texts("items", required: true);
        var value = ReadMoney(c.Fields, "value");
        return donor is null || recipient is null ? null
            : new EquipmentDonated(c.Id, c.FullKey, donor, recipient, channel, items, value, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static GrantProvided? ReadGrant(FactContext c, Common common)
    {
        var donor = c.Actor("donor");
        var recipient = c.Actor("recipient");
        var purpose = c.Fields.Text("purpose", required: true, 500);
        var value = ReadMoney(c.Fields, "value");
        return donor is null || recipient is null || purpose is null ? null
            : new GrantProvided(c.Id, c.FullKey, donor, recipient, purpose, value, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static TrainingProvided? ReadTraining(FactContext c, Common common)
    {
        var provider = c.Actor("provider");
        var recipient = c.Actor("recipient");
        var subject = c.Fields.Text("subject", required: true, 500);
        return provider is null || recipient is null || subject is null ? null
            : new TrainingProvided(c.Id, c.FullKey, provider, recipient, subject, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static AwardConferred? ReadAward(FactContext c, Common common)
    {
        var conferrer = c.Actor("conferrer");
        var recipient = c.Actor("recipient");
        var award = c.Fields.Text("award", required: true, 300);
        var recipients = c.Fields.Integer("recipients", min: 1, max: 1_000_000);
        var reason = c.Fields.Text("reason", maxLength: 500);
        return conferrer is null || recipient is null || award is null ? null
            : new AwardConferred(c.Id, c.FullKey, conferrer, recipient, award, recipients, reason, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static MeetingHeld? ReadMeeting(FactContext c, Common common)
    {
        var kind = c.Fields.Choice<MeetingKind>("kind") ?? MeetingKind.Meeting;
        var participants = c.ActorList("participants", minimum: 2);
        var place = c.Fields.Text("place", maxLength: 300);
        var subjects = c.Fields.Texts("subjects");
        return participants.Count < 2 ? null
            : new MeetingHeld(c.Id, c.FullKey, kind, participants, place, subjects, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static StructureEstablished? ReadStructure(FactContext c, Common common)
    {
        var establisher = c.Actor("establisher");
        var name = c.Fields.Text("name", required: true, 300);
        var kind = c.Fields.Text("structureKind", required: true, 200);
        var location = c.Fields.Text("location", maxLength: 300);
        var purpose = c.Fields.Text("purpose", maxLength: 500);
        return establisher is null || name is null || kind is null ? null
            : new StructureEstablished(c.Id, c.FullKey, establisher, name, kind, location, purpose, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    private static ExerciseHeld? ReadExercise(FactContext c, Common common)
    {
        var participants = c.ActorList("participants", minimum: 1);
        var name = c.Fields.Text("name", required: true, 300);
        var purpose = c.Fields.Text("purpose", maxLength: 500);
        var place = c.Fields.Text("place", maxLength: 300);
        return participants.Count == 0 || name is null ? null
            : new ExerciseHeld(c.Id, c.FullKey, participants, name, purpose, place, common.Effective, common.Stage, common.Matter, common.Citation);
    }

    /// <summary>The parts every reported fact has.</summary>
    private sealed record Common(ReportedDate Effective, Stage Stage, string? Matter, Citation Citation);
}
