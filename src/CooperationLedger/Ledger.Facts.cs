using System.Runtime.CompilerServices;
using CooperationLedger.Answers;
using CooperationLedger.Diagnostics;
using CooperationLedger.Facts;
using CooperationLedger.Storage;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace CooperationLedger;

/// <content>Reading every stored fact: for export, and to verify quotes against the stored articles.</content>
public sealed partial class Ledger
{
    /// <summary>
    /// Streams every event the ledger holds, in the order recorded, without holding them all in memory. A transient
    /// failure of the database before the first event is retried; one after it is not (the events would come twice).
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events with their recording metadata.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries, or stopped answering during the read.</exception>
    public IAsyncEnumerable<RecordedFact> ReadFactsAsync(CancellationToken cancellationToken = default) =>
        StreamAsync("export", RecordedFactsAsync, cancellationToken);

    /// <summary>
    /// Streams what <paramref name="read"/> reads in a span of <paramref name="kind"/>: its start (up to its first item)
    /// retried through transient failures, and a failure after it not, since the items would come twice.
    /// </summary>
    private async IAsyncEnumerable<T> StreamAsync<T>(string kind, Func<CancellationToken, IAsyncEnumerable<T>> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = LedgerInstruments.Start(LedgerInstruments.QueryActivity, Tenant, kind);
        var (items, any) = await NextAsync(activity, read, null, cancellationToken).ConfigureAwait(false);
        await using (items)
        {
            while (any)
            {
                yield return items.Current;
                (_, any) = await NextAsync(activity, read, items, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Starts reading (retried through transient failures) when <paramref name="items"/> is <see langword="null"/>, else reads on.</summary>
    private async Task<(IAsyncEnumerator<T> Items, bool Any)> NextAsync<T>(System.Diagnostics.Activity? activity, Func<CancellationToken, IAsyncEnumerable<T>> read, IAsyncEnumerator<T>? items, CancellationToken cancellationToken)
    {
        try
        {
            if (items is not null)
            {
                return (items, await items.MoveNextAsync().ConfigureAwait(false));
            }

            return await RetryAsync(
                async token =>
                {
                    var started = read(token).GetAsyncEnumerator(token);
                    try
                    {
                        return (started, await started.MoveNextAsync().ConfigureAwait(false));
                    }
                    catch
                    {
                        await started.DisposeAsync().ConfigureAwait(false);
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            if (Failed(activity, exception) is { } unavailable)
            {
                throw unavailable;
            }

            throw;
        }
    }

    /// <summary>
    /// Streams every source document the ledger holds, in key order (ordinal), each with how many of its facts and
    /// revisions the ledger holds. Retried until the first document is read; after that a failure ends the stream.
    /// </summary>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The documents.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    /// <exception cref="InvalidOperationException">The read tables are not filled: rebuild the projections once.</exception>
    public IAsyncEnumerable<DocumentSummary> ReadDocumentsAsync(CancellationToken cancellationToken = default) =>
        StreamAsync("documents", DocumentsAsync, cancellationToken);

    private async IAsyncEnumerable<DocumentSummary> DocumentsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await sessions.Guard.CheckAsync(cancellationToken).ConfigureAwait(false))
        {
            yield break;
        }

        await using var session = sessions.Query();
        await EnsureReadTablesAsync(session, cancellationToken).ConfigureAwait(false);
        await foreach (var document in DocumentListing.ReadAsync(session, cancellationToken).ConfigureAwait(false))
        {
            yield return document;
        }
    }

    /// <summary>Gets the stored text of a document: the article its facts' quotes were checked against when it was ingested.</summary>
    /// <param name="documentKey">The document's key.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The text, or <see langword="null"/> when the ledger holds no such document.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    public Task<string?> GetArticleTextAsync(string documentKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentKey);
        return QueryAsync(
            "article",
            async token =>
            {
                if (!await sessions.Guard.CheckAsync(token).ConfigureAwait(false))
                {
                    return null;
                }

                await using var session = sessions.Query();
                return (await session.LoadAsync<StoredArticle>(documentKey, token).ConfigureAwait(false))?.ArticleText;
            },
            cancellationToken);
    }

    /// <summary>Reads every stored event as <see cref="ReadFactsAsync"/> gives it, with neither retries nor a span.</summary>
    private async IAsyncEnumerable<RecordedFact> RecordedFactsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await sessions.Guard.CheckAsync(cancellationToken).ConfigureAwait(false))
        {
            yield break;
        }

        await using var session = sessions.Query();
        await foreach (var (fact, recorded) in EventLog.ReadAsync(session, cancellationToken).ConfigureAwait(false))
        {
            yield return new RecordedFact(fact, recorded, FactSummary.Of(fact), fact is IReportedFact reported ? FactSignature.Of(reported) : null);
        }
    }

    /// <summary>
    /// Checks every stored quote against the stored text of its document (and the text against the fingerprint taken
    /// when it was ingested), lists the facts whose dates were inferred rather than printed, and counts the facts that
    /// have no entry in the projections (lost, for example, by a rebuild of an earlier version that was interrupted).
    /// </summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>What was found.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    public Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("verify", VerifyOnceAsync, cancellationToken);

    private async Task<VerificationReport> VerifyOnceAsync(CancellationToken cancellationToken)
    {
        if (!await sessions.Guard.CheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return new VerificationReport(0, [], []);
        }

        Dictionary<string, StoredArticle> documents;
        await using (var session = sessions.Query())
        {
            documents = (await session.Query<StoredArticle>().ToListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(document => document.Id, StringComparer.Ordinal);
        }

        HashSet<Guid> entries;
        await using (var session = sessions.Query())
        {
            entries = await ReadTablesCheck.PresentAsync(session, cancellationToken).ConfigureAwait(false) ? await FactSelection.All.IdsAsync(session, cancellationToken).ConfigureAwait(false) : [];
        }

        var withoutEntries = 0;
        var indexes = new Dictionary<string, QuoteIndex>(StringComparer.Ordinal);
        var problems = new List<QuoteProblem>();
        var inferred = new List<InferredDate>();
        var checkedCount = 0;
        await foreach (var recorded in RecordedFactsAsync(cancellationToken).ConfigureAwait(false))
        {
            checkedCount++;
            var fact = recorded.Fact;
            var citation = fact.Citation;
            if (!documents.TryGetValue(citation.Document.Key, out var stored))
            {
                problems.Add(new QuoteProblem(fact.FactId, fact.Key, $"the document '{citation.Document.Key}' is not stored."));
            }
            else if (SourceDocument.FingerprintOf(stored.ArticleText) != citation.Document.ContentSha256)
            {
                problems.Add(new QuoteProblem(fact.FactId, fact.Key, "the stored article's text differs from the text the quote was checked against."));
            }
            else if ((indexes.TryGetValue(stored.Id, out var index) ? index : indexes[stored.Id] = new QuoteIndex(stored.ArticleText)) is var article
                && citation.Passages.FirstOrDefault(passage => article.Locate(passage.Quote) is null) is { } missing)
            {
                problems.Add(new QuoteProblem(fact.FactId, fact.Key, missing.Quote == citation.Quote ? "the quote is not found in the stored article." : $"the passage \"{missing.Quote}\" is not found in the stored article."));
            }

            if (citation.Document.PublishedOn is { IsInferred: true } published)
            {
                inferred.Add(new InferredDate(fact.FactId, fact.Key, "published", published, published.Inference!));
            }

            // Every fact but a correction or retraction has a timeline entry; one without has been lost.
            if (fact is IReportedFact && !entries.Contains(fact.FactId))
            {
                withoutEntries++;
            }

            if (fact is IReportedFact { Effective: { IsInferred: true } effective })
            {
                inferred.Add(new InferredDate(fact.FactId, fact.Key, "effective", effective, effective.Inference!));
            }
        }

        return new VerificationReport(checkedCount, problems, inferred, withoutEntries);
    }

    private static Recording Recorded(IEvent e, string sourceFileHeader) => new(
        e.StreamId,
        e.Version,
        e.Sequence,
        Instant.FromDateTimeOffset(e.Timestamp),
        e.EventTypeName,
        e.CorrelationId,
        e.Headers is { } headers && headers.TryGetValue(sourceFileHeader, out var file) ? file?.ToString() : null);
}
