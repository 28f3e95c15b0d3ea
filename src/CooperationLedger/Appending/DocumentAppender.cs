using CooperationLedger.Answers;
using CooperationLedger.Reading;
using CooperationLedger.Storage;
using Microsoft.Extensions.Logging;
using Polly;

namespace CooperationLedger.Appending;

/// <summary>
/// Appends one document in a transaction of its own: all its new facts or none, to its own stream, with the fact index
/// and the read rows written in the same transaction. Each attempt plans the document afresh, so one that
/// follows another writer's commit appends only what that writer did not; attempts follow <see cref="RetryPolicy"/>.
/// </summary>
internal sealed class DocumentAppender(LedgerSessions sessions, ResiliencePipeline retry, ILogger logger)
{
    /// <summary>
    /// Appends the document's new facts. Every event of one ingest shares its correlation id; the causation id is the
    /// document's key; the fact file's name is a header.
    /// </summary>
    /// <param name="file">The document, checked.</param>
    /// <param name="batchFacts">The facts of the whole ingest, which its revisions may revise.</param>
    /// <param name="ingestId">The ingest's correlation id.</param>
    /// <param name="cancellationToken">Cancels the append; a transaction not committed rolls back.</param>
    public async Task<DocumentIngested> AppendAsync(ParsedFactFile file, IReadOnlySet<Guid> batchFacts, string ingestId, CancellationToken cancellationToken)
    {
        var streamSeen = false;
        var attempt = 0;
        return await retry.ExecuteAsync(
            async token =>
            {
                attempt++;
                try
                {
                    return await AppendOnceAsync(file, batchFacts, ingestId, streamSeen, token).ConfigureAwait(false);
                }
                catch (Exception exception) when (RetryPolicy.IsConcurrentWrite(exception))
                {
                    // A stream that another writer started, or that holds facts this document no longer lists, exists.
                    streamSeen = true;
                    if (attempt <= RetryPolicy.ConcurrentWriteRetries)
                    {
                        AppendLog.Retry(logger, file.Document.Key, attempt, exception.GetType().Name);
                    }

                    throw;
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<DocumentIngested> AppendOnceAsync(ParsedFactFile file, IReadOnlySet<Guid> batchFacts, string ingestId, bool streamSeen, CancellationToken cancellationToken)
    {
        await using var session = sessions.Write();
        session.CorrelationId = ingestId;
        session.LastModifiedBy = Environment.UserName;
        var plan = await IngestPlanner.PlanAsync(session, file, batchFacts, cancellationToken).ConfigureAwait(false);
        if (plan.Errors.Count > 0)
        {
            throw ParsedFactFile.Refusal(plan.Errors, [file]);
        }

        if (plan.New.Count == 0)
        {
            return new DocumentIngested(file.Path, file.Document.Key, 0, plan.Present);
        }

        await DocumentStaging.LockRevisedFactsAsync(session, plan.New, cancellationToken).ConfigureAwait(false);
        await DocumentStaging.StageAsync(session, file, streamSeen ? plan with { StreamExists = true } : plan, cancellationToken).ConfigureAwait(false);
        await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new DocumentIngested(file.Path, file.Document.Key, plan.New.Count, plan.Present);
    }
}
