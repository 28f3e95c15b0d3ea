using CooperationLedger.Facts;

namespace CooperationLedger.Reading;

/// <content>Reading each type of fact.</content>
internal static partial class FactFileReader
{
    /// <summary>Reads one fact; <paramref name="typeKnown"/> tells whether its fields could be checked against a kind.</summary>
    private static ILedgerEvent? ReadFact(FactContext context, out bool typeKnown)
    {
        typeKnown = false;
        var fields = context.Fields;
        var type = fields.Text("type", required: true, 60);
        if (type is null)
        {
            return null;
        }

        if (type is FactCatalog.Correction or FactCatalog.Retraction)
        {
            typeKnown = true;
            return ReadRevision(context, type);
        }

        if (FactCatalog.Find(type) is not { } kind)
        {
            var nearest = Spelling.Nearest(type, FactCatalog.Events.Select(entry => entry.Name));
            fields.Error("type", $"'{type}' is not a fact type.{Spelling.DidYouMean(nearest)} The types are: {string.Join(", ", FactCatalog.Events.Select(entry => entry.Name))}.");
            return null;
        }

        typeKnown = true;

        var anchor = context.Document.PublishedOn.Earliest ?? context.Document.PublishedOn.Latest;
        var effective = ReadDate(fields, "date", required: true, anchor);
        var stage = fields.Choice<Stage>("stage", required: kind.DefaultStage is null) ?? kind.DefaultStage;
        var matter = fields.Text("matter", maxLength: 200);
        var citation = ReadCitation(context);
        var links = ReadLinks(context);
        var expected = ReadDate(fields, "expected", required: false, anchor);
        if (expected is not null && stage is not (Stage.Pledged or Stage.Committed or Stage.Expected))
        {
            fields.Error("expected", "is when a promise or expectation is due: give it with stage pledged, committed or expected, and the announcement as date.");
        }
        else if (expected is not null && effective is not null && expected.Latest < effective.Earliest)
        {
            fields.Error("expected", $"{expected} is before the announcement ({effective}): date is when it was announced, expected when it is due.");
        }

        var body = kind.Read(context, new FactHeader(context.Id, context.FullKey, effective!, stage ?? Stage.Reported, matter, citation!, links, expected));
        if (effective is null || stage is null || citation is null || body is null)
        {
            return null;
        }

        if (FactRules.DatedAfterPublication(body, context.Document) is { } reason)
        {
            fields.Error("date", reason);
        }

        if (FactRules.DonatesToItself(body) is { } self)
        {
            fields.Error("recipient", self);
        }

        return body;
    }

    /// <summary>
    /// Reads the typed links, <c>links: { under: key, same_as: [key, key] }</c>: a key of the same document, or
    /// <c>document-key/fact-key</c> for a fact of another, which need not be ingested yet.
    /// </summary>
    private static FactLink[]? ReadLinks(FactContext context)
    {
        var fields = context.Fields.Map("links");
        if (fields is null)
        {
            return null;
        }

        var links = new List<FactLink>();
        foreach (var kind in Enum.GetValues<LinkKind>())
        {
            var name = YamlFields.SnakeCase(kind.ToString());
            var targets = fields.Has(name) && fields.Raw(name) is YamlDotNet.RepresentationModel.YamlScalarNode
                ? [fields.Text(name, maxLength: 300)!]
                : fields.Texts(name, maxLength: 300);
            foreach (var target in targets.OfType<string>())
            {
                var full = target.Contains('/', StringComparison.Ordinal) ? target : $"{context.Document.Key}/{target}";
                if (full == context.FullKey)
                {
                    fields.Error(name, "names the fact itself; a link is to another fact.");
                }
                else if (fields.Check(name, () => new FactLink(kind, full)) is { } link)
                {
                    links.Add(link);
                }
            }
        }

        fields.RejectUnknown($"is not a kind of link; the kinds are: {string.Join(", ", Enum.GetValues<LinkKind>().Select(kind => YamlFields.SnakeCase(kind.ToString())))}.");
        return links.Count == 0 ? null : links.Distinct().ToArray();
    }

    private static Citation? ReadCitation(FactContext context)
    {
        var fields = context.Fields.Map("citation", required: true);
        if (fields is null)
        {
            return null;
        }

        // A fact stated across passages quotes each: quote: [the figure's sentence, the sentence that says who said it].
        var quotes = fields.Raw("quote") is YamlDotNet.RepresentationModel.YamlSequenceNode
            ? fields.Texts("quote", required: true, Citation.MaxQuoteLength)
            : [.. new[] { fields.Text("quote", required: true, Citation.MaxQuoteLength) }.OfType<string>()];
        var quote = quotes.Count > 0 ? quotes[0] : null;
        var attributedId = fields.Text("attributedTo", maxLength: 100);
        var stance = fields.Choice<Stance>("stance", required: attributedId is not null) ?? Stance.Source;
        var relay = ReadRelay(fields, context.Document.PublishedOn.Earliest ?? context.Document.PublishedOn.Latest);
        fields.RejectUnknown();

        var attributed = attributedId is null ? null : context.Resolve(fields, "attributedTo", attributedId);
        if (quote is null || (attributedId is not null && attributed is null))
        {
            return null;
        }

        var located = quotes.Select(text => new QuotedPassage(text, context.Quotes.Locate(text))).ToArray();
        foreach (var (missing, index) in located.Select((passage, index) => (passage, index)).Where(p => p.passage.Location is null))
        {
            var which = located.Length == 1 ? string.Empty : $" (passage {index + 1}: \"{Shorten(missing.Quote)}\")";
            fields.Error("quote", $"is not found in the article{which} (whitespace and typographic quotes aside); quote it verbatim.");
        }

        if (located.Any(passage => passage.Location is null))
        {
            return null;
        }

        return fields.Check("stance", () => new Citation(context.Document, quote, stance, attributed, relay, located[0].Location) { MoreQuotes = located.Length > 1 ? located[1..] : null });
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private static Relay? ReadRelay(YamlFields citation, NodaTime.LocalDate? anchor)
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
        var date = ReadDate(fields, "date", required: false, anchor);
        fields.RejectUnknown();
        return name is null ? null : fields.Check("outlet", () => new Relay(name, date));
    }
}
