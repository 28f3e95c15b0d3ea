using System.Globalization;
using System.Text.Json;
using CooperationLedger.Facts;

namespace CooperationLedger.Cli.Commands;

/// <summary>
/// Writes every fact as W3C PROV-JSON: each fact an entity that <c>wasDerivedFrom</c> its document, and was quoted from
/// it (a derivation of type <c>prov:Quotation</c>, PROV's <c>wasQuotedFrom</c>) with the quote as a W3C Web Annotation
/// <c>TextQuoteSelector</c> (the exact words, and the words before and after them in the stored article); each
/// correction or retraction a derivation of type <c>prov:Revision</c> (<c>wasRevisionOf</c>) of the fact it revises; each
/// speaker an agent the fact <c>wasAttributedTo</c>. The facts are read twice, as they are stored, so the ledger is never
/// held: once for the entities and agents, once for the relations.
/// </summary>
internal static class ProvExport
{
    /// <summary>How many characters of the article before and after a quote its selector keeps, as Web Annotation advises for telling repeated words apart.</summary>
    private const int Context = 32;

    public static async Task<int> WriteAsync(Ledger ledger, TextWriter writer, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var json = new Utf8JsonWriter(new Output.TextWriterBuffer(writer), new JsonWriterOptions { Indented = true, Encoder = Output.JsonOutput.Options.Encoder });
        json.WriteStartObject();
        json.WriteStartObject("prefix");
        json.WriteString("ledger", "urn:cooperation-ledger:ns#");
        json.WriteString("fact", "urn:cooperation-ledger:fact:");
        json.WriteString("doc", "urn:cooperation-ledger:document:");
        json.WriteString("actor", "urn:cooperation-ledger:actor:");
        json.WriteString("sel", "urn:cooperation-ledger:selector:");
        json.WriteString("oa", "http://www.w3.org/ns/oa#");
        json.WriteString("xsd", "http://www.w3.org/2001/XMLSchema#");
        json.WriteEndObject();

        // The entities: each document once, each fact, and each quote's selector, read against its stored article.
        var documents = new HashSet<string>(StringComparer.Ordinal);
        var agents = new Dictionary<string, Actor>(StringComparer.Ordinal);
        var articles = new ArticleCache(ledger);
        json.WriteStartObject("entity");
        await foreach (var recorded in ledger.ReadFactsAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
            var fact = recorded.Fact;
            var citation = fact.Citation;
            if (documents.Add(citation.Document.Key))
            {
                Document(json, citation.Document);
            }

            json.WriteStartObject($"fact:{fact.FactId}");
            Qualified(json, "prov:type", $"ledger:{recorded.Recorded.EventType}");
            json.WriteString("prov:label", recorded.Summary);
            json.WriteString("ledger:key", fact.Key);
            if (fact is IReportedFact reported)
            {
                json.WriteString("ledger:effective", reported.Effective.ToString());
            }

            if (recorded.Figure is { } figure)
            {
                json.WriteString("ledger:figure", figure);
            }

            Typed(json, "ledger:recordedAt", recorded.Recorded.RecordedAt.ToString("uuuu-MM-ddTHH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture), "xsd:dateTime");
            json.WriteEndObject();

            // The exact words are the article's, as stored (the citation folds its white space and quotation marks).
            json.WriteStartObject($"sel:{fact.FactId}");
            Qualified(json, "prov:type", "oa:TextQuoteSelector");
            if (await articles.ContextAsync(citation, cancellationToken).ConfigureAwait(false) is { } around)
            {
                json.WriteString("oa:exact", around.Exact);
                json.WriteString("oa:prefix", around.Prefix);
                json.WriteString("oa:suffix", around.Suffix);
            }
            else
            {
                json.WriteString("oa:exact", citation.Quote);
            }

            json.WriteEndObject();
            if (citation.AttributedTo is { } speaker)
            {
                agents.TryAdd(speaker.Id, speaker);
            }

            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        json.WriteEndObject();
        json.WriteStartObject("agent");
        foreach (var agent in agents.Values.OrderBy(agent => agent.Id, StringComparer.Ordinal))
        {
            json.WriteStartObject($"actor:{agent.Id}");
            Qualified(json, "prov:type", agent.Kind == ActorKind.Person ? "prov:Person" : "prov:Organization");
            json.WriteString("prov:label", agent.Name);
            json.WriteEndObject();
        }

        json.WriteEndObject();

        // The relations, read again: derivation and quotation from the document, revision, attribution.
        var attributions = new List<(Guid Fact, string Agent)>();
        json.WriteStartObject("wasDerivedFrom");
        await foreach (var recorded in ledger.ReadFactsAsync(cancellationToken).ConfigureAwait(false))
        {
            var fact = recorded.Fact;
            var document = $"doc:{fact.Citation.Document.Key}";
            json.WriteStartObject($"_:derived-{fact.FactId}");
            json.WriteString("prov:generatedEntity", $"fact:{fact.FactId}");
            json.WriteString("prov:usedEntity", document);
            json.WriteEndObject();

            json.WriteStartObject($"_:quoted-{fact.FactId}");
            json.WriteString("prov:generatedEntity", $"fact:{fact.FactId}");
            json.WriteString("prov:usedEntity", document);
            Qualified(json, "prov:type", "prov:Quotation");
            Qualified(json, "oa:hasSelector", $"sel:{fact.FactId}");
            json.WriteString("ledger:stance", fact.Citation.Stance.ToString().ToLowerInvariant());
            json.WriteEndObject();

            if (fact is IRevision revision)
            {
                json.WriteStartObject($"_:revised-{fact.FactId}");
                json.WriteString("prov:generatedEntity", $"fact:{fact.FactId}");
                json.WriteString("prov:usedEntity", $"fact:{revision.Revises}");
                Qualified(json, "prov:type", "prov:Revision");
                json.WriteString("ledger:reason", revision.Reason);
                json.WriteEndObject();
            }

            if (fact.Citation.AttributedTo is { } speaker)
            {
                attributions.Add((fact.FactId, speaker.Id));
            }

            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        json.WriteEndObject();
        json.WriteStartObject("wasAttributedTo");
        foreach (var (fact, agent) in attributions)
        {
            json.WriteStartObject($"_:said-{fact}");
            json.WriteString("prov:entity", $"fact:{fact}");
            json.WriteString("prov:agent", $"actor:{agent}");
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        await writer.WriteLineAsync().ConfigureAwait(false);
        return count;
    }

    private static void Document(Utf8JsonWriter json, SourceDocument document)
    {
        json.WriteStartObject($"doc:{document.Key}");
        Qualified(json, "prov:type", "ledger:SourceDocument");
        json.WriteString("prov:label", document.Title is { } title ? $"{document.Publication}: {title}" : document.Publication);
        json.WriteString("ledger:publication", document.Publication);
        json.WriteString("ledger:publishedOn", document.PublishedOn.ToString());
        foreach (var (name, value) in new[] { ("ledger:volume", document.Volume), ("ledger:issue", document.Issue), ("ledger:title", document.Title), ("ledger:author", document.Author) })
        {
            if (value is not null)
            {
                json.WriteString(name, value);
            }
        }

        if (document.Url is { } url)
        {
            Typed(json, "ledger:url", url.ToString(), "xsd:anyURI");
        }

        json.WriteString("ledger:contentSha256", document.ContentSha256);
        json.WriteEndObject();
    }

    private static void Qualified(Utf8JsonWriter json, string name, string value) => Typed(json, name, value, "prov:QUALIFIED_NAME");

    private static void Typed(Utf8JsonWriter json, string name, string value, string type)
    {
        json.WriteStartObject(name);
        json.WriteString("$", value);
        json.WriteString("type", type);
        json.WriteEndObject();
    }

    /// <summary>The stored article of the document being read, loaded once as its facts pass (they are stored document by document).</summary>
    private sealed class ArticleCache(Ledger ledger)
    {
        private string? key;
        private string? text;
        private QuoteIndex? index;

        public async Task<(string Prefix, string Exact, string Suffix)?> ContextAsync(Citation citation, CancellationToken cancellationToken)
        {
            if (key != citation.Document.Key)
            {
                key = citation.Document.Key;
                text = await ledger.GetArticleTextAsync(key, cancellationToken).ConfigureAwait(false);
                index = text is null ? null : new QuoteIndex(text);
            }

            if (text is null || index?.Locate(citation.Quote) is not { } at)
            {
                return null;
            }

            var before = Math.Max(0, at.Offset - Context);
            var after = Math.Min(text.Length, at.Offset + at.Length + Context);
            return (text[before..at.Offset], text.Substring(at.Offset, at.Length), text[(at.Offset + at.Length)..after]);
        }
    }
}
