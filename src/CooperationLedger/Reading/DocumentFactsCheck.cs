using CooperationLedger.Facts;

namespace CooperationLedger.Reading;

/// <summary>The checks a fact file gets from its reader, for facts built in code: keys, ids, documents, quotes.</summary>
internal static class DocumentFactsCheck
{
    public static ParsedFactFile Check(DocumentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var document = facts.Document ?? throw new ArgumentException("A document is required.", nameof(facts));
        var label = $"(document {document.Key})";
        var errors = new List<FactFileError>();
        if (SourceDocument.FingerprintOf(facts.ArticleText ?? string.Empty) != document.ContentSha256)
        {
            errors.Add(new FactFileError(label, null, "document.contentSha256", "is not the SHA-256 of the article text given."));
        }

        var quotes = new QuoteIndex(facts.ArticleText ?? string.Empty);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in facts.Facts ?? [])
        {
            var prefix = document.Key + "/";
            var factKey = fact.Key is { } key && key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : null;
            if (factKey is null || factKey.Length == 0 || factKey.Contains('/', StringComparison.Ordinal))
            {
                errors.Add(new FactFileError(label, fact.Key, "key", $"is not of the form {document.Key}/fact-key."));
                continue;
            }

            if (!keys.Add(factKey))
            {
                errors.Add(new FactFileError(label, factKey, "key", "is used by another fact of this document."));
            }

            if (fact.FactId != FactIds.ForFact(document.Key, factKey))
            {
                errors.Add(new FactFileError(label, factKey, "factId", "is not the id FactIds.ForFact gives for this key."));
            }

            if (fact is IReportedFact reported && FactRules.DatedAfterPublication(reported, document) is { } reason)
            {
                errors.Add(new FactFileError(label, factKey, "effective", reason));
            }

            if (fact is IReportedFact donation && FactRules.DonatesToItself(donation) is { } self)
            {
                errors.Add(new FactFileError(label, factKey, "recipient", self));
            }

            foreach (var link in (fact as IReportedFact)?.Links?.Where(link => link.Kind == LinkKind.Ends) ?? [])
            {
                if (facts.Facts!.OfType<IReportedFact>().FirstOrDefault(other => other.Key == link.Target) is { } ended && FactRules.CannotEnd(fact, ended) is { } problem)
                {
                    errors.Add(new FactFileError(label, factKey, "links", problem));
                }
            }

            if (fact.Citation?.Document != document)
            {
                errors.Add(new FactFileError(label, factKey, "citation.document", "is not the document these facts are appended with."));
            }
            else if (quotes.Locate(fact.Citation.Quote) is not { } location)
            {
                errors.Add(new FactFileError(label, factKey, "citation.quote", "is not found in the article (whitespace and typographic quotes aside)."));
            }
            else if (fact.Citation.MoreQuotes?.FirstOrDefault(passage => quotes.Locate(passage.Quote) is not { } at || (passage.Location is { } given && given != at)) is { } wrong)
            {
                errors.Add(new FactFileError(label, factKey, "citation.moreQuotes", $"\"{wrong.Quote}\" is not found in the article where the citation says (whitespace and typographic quotes aside)."));
            }
            else if (fact.Citation.Location is { } given && given != location)
            {
                errors.Add(new FactFileError(label, factKey, "citation.location", $"says {given}, but the quote stands at {location}."));
            }
        }

        return errors.Count > 0
            ? throw new FactFileException(errors, builtInCode: true)
            : new ParsedFactFile(label, document, facts.ArticleText!, facts.Facts!, BuiltInCode: true);
    }
}
