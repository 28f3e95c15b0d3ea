using CooperationLedger.Facts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CooperationLedger.Reading;

/// <summary>
/// Reads one fact file (YAML; the format is described in docs/fact-files.md) into a source document and its events, checking
/// everything that can be checked without the database: fields, values, actors, dates against the publication date,
/// and every quote against the article. All errors of the file are reported together.
/// </summary>
internal static partial class FactFileReader
{
    /// <summary>
    /// How deeply collections may nest in a fact file. The format itself needs four levels (facts, a fact, its value,
    /// its equivalents); YAML's node tree is built by recursion, so a deeper file is refused before it is built, and
    /// a file of nested brackets cannot exhaust the stack.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>Reads a fact file; its article must resolve inside <paramref name="corpusRoot"/>, by default <see cref="CorpusFile.DefaultRoot"/>.</summary>
    public static ParsedFactFile Read(string path, string? corpusRoot = null)
    {
        var sink = new ErrorSink(path);
        var text = CorpusFile.ReadText(path, sink, null, root: null);
        if (text is null)
        {
            throw new FactFileException(sink.Errors);
        }

        var root = corpusRoot ?? CorpusFile.DefaultRoot(path);
        var registry = ActorRegistryFile.Load(root);
        return Parse(path, text, (articlePath, fileSink) => CorpusFile.ReadText(articlePath, fileSink, "document.article", root), registry);
    }

    public static ParsedFactFile Parse(string path, string yaml, Func<string, ErrorSink, string?> readArticle, ActorRegistryFile? registry = null)
    {
        var sink = new ErrorSink(path);
        var root = LoadRoot(yaml, sink);
        if (root is null)
        {
            throw new FactFileException(sink.Errors);
        }

        var top = YamlFields.Of(root, sink, null, string.Empty);
        if (top is null)
        {
            throw new FactFileException(sink.Errors);
        }

        var documentFields = top.Map("document", required: true);
        var (document, articleText) = documentFields is null ? (null, null) : ReadDocument(documentFields, path, readArticle);
        var actors = ReadActors(top.Map("actors"), sink, registry);
        var factNodes = top.Maps("facts", required: true);
        top.RejectUnknown();

        var events = new List<ILedgerEvent>();
        var locations = new Dictionary<Guid, FactLocation>();
        if (document is not null && articleText is not null)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var linked = new List<(YamlFields Fields, ILedgerEvent Fact)>();
            var quotes = new QuoteIndex(articleText);
            for (var index = 0; index < factNodes.Count; index++)
            {
                var fields = factNodes[index];
                var key = fields.Text("key");
                var label = key ?? $"#{index + 1}";
                fields = fields.WithFact(label);
                if (key is null)
                {
                    fields.Error("key", "is required.");
                }
                else if (!FactKey().IsMatch(key))
                {
                    fields.Error("key", $"'{key}' is not a fact key: use lower-case letters, digits and hyphens.");
                }
                else if (!keys.Add(key))
                {
                    fields.Error("key", $"'{key}' is used by an earlier fact in this file.");
                }

                var context = new FactContext(fields, document, quotes, actors, key ?? $"fact-{index + 1}");
                var fact = ReadFact(context, out var typeKnown);
                if (typeKnown)
                {
                    // Without a kind, every field would be reported as unknown: the type's error says it all.
                    fields.RejectUnknown();
                }

                if (fact is not null)
                {
                    events.Add(fact);
                    linked.Add((fields, fact));
                    locations[fact.FactId] = new FactLocation(fields.PathPrefix, fields.Line);
                }
            }

            CheckLocalLinks(linked, document.Key, keys);
        }

        if (sink.HasErrors || document is null || articleText is null)
        {
            throw new FactFileException(sink.Errors);
        }

        return new ParsedFactFile(path, document, articleText, events, Locations: locations);
    }

    /// <summary>
    /// Refuses a link to a fact of the same document that the document does not have (it can only be a typo), and
    /// details of the document that are each other's umbrellas in a circle (none of them would then be the detail).
    /// </summary>
    private static void CheckLocalLinks(IReadOnlyList<(YamlFields Fields, ILedgerEvent Fact)> facts, string documentKey, HashSet<string> keys)
    {
        // Keyed by the first fact of each key: a key used twice is refused on its own.
        var partOf = facts.Select(f => f.Fact).OfType<IReportedFact>()
            .DistinctBy(fact => fact.Key, StringComparer.Ordinal)
            .ToDictionary(fact => fact.Key, fact => (fact.Links ?? []).Where(link => link.Kind == LinkKind.PartOf).Select(link => link.Target).ToArray(), StringComparer.Ordinal);
        foreach (var (fields, fact) in facts)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var frontier = new Queue<string>(partOf.GetValueOrDefault(fact.Key) ?? []);
            while (frontier.TryDequeue(out var above))
            {
                if (above == fact.Key)
                {
                    fields.Error("links", "is part of a fact that is, through part_of, part of it: an umbrella and its details do not go round in a circle.");
                    break;
                }

                foreach (var higher in seen.Add(above) ? partOf.GetValueOrDefault(above) ?? [] : [])
                {
                    frontier.Enqueue(higher);
                }
            }
        }

        var byKey = facts.Select(f => f.Fact).OfType<IReportedFact>().DistinctBy(fact => fact.Key, StringComparer.Ordinal).ToDictionary(fact => fact.Key, StringComparer.Ordinal);
        foreach (var (fields, fact) in facts)
        {
            foreach (var link in (fact as IReportedFact)?.Links ?? [])
            {
                var (document, key) = FactIds.Split(link.Target);
                if (document == documentKey && !keys.Contains(key))
                {
                    fields.Error("links", $"'{key}' ({YamlFields.SnakeCase(link.Kind.ToString())}) is not a fact of this document; name a fact of another document as document-key/fact-key.");
                }
                else if (link.Kind == LinkKind.Ends && byKey.GetValueOrDefault(link.Target) is { } ended && FactRules.CannotEnd(fact, ended) is { } problem)
                {
                    fields.Error(fact is StructureClosed closure && closure.Closes == link.Target ? "closes" : "links", problem);
                }
            }
        }
    }

    internal static YamlNode? LoadRoot(string yaml, ErrorSink sink)
    {
        try
        {
            if (RefusedShape(yaml) is { } reason)
            {
                sink.Add(null, null, reason);
                return null;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1)
            {
                sink.Add(null, null, $"expected one YAML document, found {stream.Documents.Count}.");
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException exception)
        {
            var message = exception.InnerException?.Message ?? exception.Message;
            sink.AddAt(exception.Start.Line, $"is not valid YAML: {message}");
            return null;
        }
        catch (ArgumentException exception) when (exception.ParamName == "parser")
        {
            // YamlDotNet's loader gives up this way on an event its node model has no node for (a stray colon can make one).
            sink.Add(null, null, "is not valid YAML: the parser met what it cannot read as a value; look for a colon or dash out of place.", null);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unclosed flow collections.
            sink.Add(null, null, "is not valid YAML: the parser stopped; look for a bracket, brace or quote that is not closed.", null);
            return null;
        }
    }

    /// <summary>
    /// Walks the file's parsing events, which need no recursion, and says why its shape is refused: collections nested
    /// past <see cref="MaxDepth"/>, or aliases that expand the file past <see cref="CorpusFile.MaxBytes"/> characters (an
    /// alias stands for its anchor's whole node, so a small file of aliases can stand for gigabytes of facts).
    /// </summary>
    private static string? RefusedShape(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Size)>();
        long expanded = 0;
        while (parser.MoveNext())
        {
            long size;
            string? anchor;
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart when ++depth > MaxDepth:
                    return $"nests collections more than {MaxDepth} levels deep (line {parser.Current.Start.Line}); a fact file needs four.";
                case YamlDotNet.Core.Events.MappingStart mapping:
                    open.Push((mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value, 1));
                    continue;
                case YamlDotNet.Core.Events.SequenceStart sequence:
                    open.Push((sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value, 1));
                    continue;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    (anchor, size) = open.Pop();
                    break;
                case YamlDotNet.Core.Events.Scalar scalar:
                    (anchor, size) = (scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, 1 + scalar.Value.Length);
                    expanded += size;
                    break;
                case YamlDotNet.Core.Events.AnchorAlias alias:
                    (anchor, size) = (null, anchors.GetValueOrDefault(alias.Value.Value));
                    expanded += size;
                    break;
                default:
                    continue;
            }

            if (expanded > CorpusFile.MaxBytes)
            {
                return $"expands through its aliases to more than {CorpusFile.MaxBytes:N0} characters (line {parser.Current.Start.Line}), the most a fact file may hold.";
            }

            if (anchor is not null)
            {
                anchors[anchor] = size;
            }

            if (open.TryPop(out var parent))
            {
                open.Push((parent.Anchor, parent.Size + size));
            }
        }

        return null;
    }

    private static (SourceDocument? Document, string? ArticleText) ReadDocument(YamlFields fields, string path, Func<string, ErrorSink, string?> readArticle)
    {
        var key = fields.Text("key", required: true, 100);
        var article = fields.Text("article", required: true, 500);
        var publication = fields.Text("publication", required: true, 300);
        var volume = fields.Text("volume", maxLength: 50);
        var issue = fields.Text("issue", maxLength: 50);
        var title = fields.Text("title", maxLength: 500);
        var author = fields.Text("author", maxLength: 300);
        var url = fields.Text("url", maxLength: 2000);
        var language = fields.Text("language", maxLength: 35) ?? "en";
        var published = ReadDate(fields, "published", required: true, anchor: null);
        var inference = fields.Text("publishedInferred", maxLength: 1000);
        fields.RejectUnknown();

        string? articleText = null;
        string? fingerprint = null;
        if (article is not null)
        {
            var articlePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", article);
            articleText = readArticle(articlePath, fields.Sink);
            if (articleText is not null)
            {
                fingerprint = SourceDocument.FingerprintOf(articleText);
            }
        }

        if (published is not null && inference is not null)
        {
            published = fields.Check("publishedInferred", () => published.Inferred(inference));
        }

        Uri? address = null;
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out address))
        {
            fields.Error("url", $"'{url}' is not an absolute address.");
        }

        if (key is null || publication is null || published is null || fingerprint is null)
        {
            return (null, articleText);
        }

        var document = fields.Check("key", () => new SourceDocument(key, publication, published, fingerprint, volume, issue, title, author, address, language), fields: ["url", "volume", "issue", "title", "author", "language"]);
        return (document, articleText);
    }

    /// <summary>
    /// Reads a file's actors, and gives it the registry's (<see cref="ActorRegistryFile"/>) besides: a fact file may
    /// name a registry actor by its key without declaring it. A file's own actor under a registry key must be the same
    /// entity (kind, country, a name in common); one under another key must not go by a registry actor's name, or one
    /// a letter or two from it, since it would then be one entity under two keys.
    /// </summary>
    private static Dictionary<string, Actor> ReadActors(YamlFields? fields, ErrorSink sink, ActorRegistryFile? registry)
    {
        var entries = ReadActorEntries(fields, sink, registryFile: false);
        var actors = new Dictionary<string, Actor>(registry?.Actors ?? new Dictionary<string, Actor>(), StringComparer.Ordinal);
        foreach (var (actor, entry, _) in entries)
        {
            // Kept even when refused, so that the facts naming it are not also reported as naming no actor.
            if (registry is not null && registry.Clash(actor) is { } clash)
            {
                entry.Error("name", clash);
            }

            actors[actor.Id] = actor;
        }

        foreach (var actor in actors.Values.Where(actor => actor.MemberOf is not null && !actors.ContainsKey(actor.MemberOf)))
        {
            sink.Add(null, $"actors.{actor.Id}.memberOf", $"names '{actor.MemberOf}', which is not an actor of this file or of the actor registry.");
        }

        return actors;
    }

    /// <summary>Reads the entries of an <c>actors:</c> mapping; a registry's entries may also give <c>wikidata</c> and <c>distinctFrom</c>.</summary>
    internal static List<(Actor Actor, YamlFields Entry, IReadOnlyList<string> DistinctFrom)> ReadActorEntries(YamlFields? fields, ErrorSink sink, bool registryFile)
    {
        var entries = new List<(Actor, YamlFields, IReadOnlyList<string>)>();
        if (fields is null)
        {
            return entries;
        }

        foreach (var (keyNode, valueNode) in ((YamlMappingNode)fields.Node).Children)
        {
            var id = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            fields.Raw(id);
            var actor = YamlFields.Of(valueNode, sink, null, $"actors.{id}");
            if (actor is null)
            {
                continue;
            }

            var kind = actor.Choice<ActorKind>("kind", required: true);
            var name = actor.Text("name", required: true, 300);
            var country = actor.Text("country", maxLength: 2);
            var role = actor.Text("role", maxLength: 300);
            var memberOf = actor.Text("memberOf", maxLength: 100);
            var aliases = actor.Texts("aliases", maxLength: 300);
            var wikidata = registryFile ? actor.Text("wikidata", maxLength: 20) : null;
            var distinctFrom = registryFile ? actor.Texts("distinctFrom", maxLength: 100) : [];
            actor.RejectUnknown();
            if (kind is null || name is null)
            {
                continue;
            }

            if (actor.Check("kind", () => new Actor(id, kind.Value, name, country, role, memberOf, aliases, wikidata), keyNode, ["country", "role", "memberOf", "aliases", "wikidata"]) is { } built)
            {
                entries.Add((built, actor, distinctFrom));
            }
        }

        return entries;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex FactKey();
}
