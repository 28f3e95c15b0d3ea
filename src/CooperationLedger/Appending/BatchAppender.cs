using CooperationLedger.Answers;
using CooperationLedger.Diagnostics;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Storage;
using Microsoft.Extensions.Logging;
using Polly;

namespace CooperationLedger.Appending;

/// <summary>
/// The bulk path: many documents checked with one index query and appended in one transaction, for loading large
/// histories. Each batch is all-or-nothing, so each of its documents is too. A batch is written by
/// <see cref="CopyAppend"/> when every document with new facts is new to the ledger and the store is one it can fill,
/// else through Marten's append and the read tables' inline projection; while one batch is written, the next one is prepared beside it
/// (<see cref="BatchTurn"/>). A batch that lost a race with another writer is appended again document by document
/// (<see cref="DocumentAppender"/>). At the end of a large append the read tables' statistics are refreshed, so that
/// the next query is planned for their new size.
/// </summary>
internal sealed class BatchAppender(LedgerSessions sessions, ResiliencePipeline retry, DocumentAppender oneByOne, ILogger logger)
{
    /// <summary>
    /// How many facts a bulk append must add before it refreshes the read tables' statistics; fewer change the tables
    /// too little to mislead the planner, and autovacuum keeps up with them.
    /// </summary>
    private const int AnalyzeAfterFacts = 1000;

    private readonly Lazy<bool> copy = new(() => CopyAppend.Supports(sessions.Store));

    public async Task<IngestReport> AppendManyAsync(IAsyncEnumerable<DocumentFacts> documents, int batchFacts, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var ingestId = Guid.NewGuid().ToString();
        var results = new List<DocumentIngested>();
        var batch = new List<ParsedFactFile>();
        var pending = 0;
        InFlight? writing = null;
        try
        {
            await foreach (var document in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                batch.Add(DocumentFactsCheck.Check(document));
                pending += document.Facts.Count;
                if (pending >= batchFacts)
                {
                    writing = await StartBatchAsync(batch, writing, results, progress, ingestId, cancellationToken).ConfigureAwait(false);
                    batch = [];
                    pending = 0;
                }
            }

            if (batch.Count > 0)
            {
                writing = await StartBatchAsync(batch, writing, results, progress, ingestId, cancellationToken).ConfigureAwait(false);
            }

            if (writing is { } last)
            {
                writing = null;
                await CompleteBatchAsync(last, null, results, progress, ingestId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch when (writing is not null)
        {
            await DrainAsync(writing.Written).ConfigureAwait(false);
            throw;
        }

        var report = new IngestReport(results, DryRun: false);
        if (report.FactsAppended >= AnalyzeAfterFacts)
        {
            await ReadTableStatistics.RefreshAsync(sessions.Store, cancellationToken).ConfigureAwait(false);
        }

        AppendLog.Ingested(logger, "Appended", results.Count, report.FactsAppended, report.FactsAlreadyPresent);
        return report;
    }

    /// <summary>
    /// Starts writing a batch beside the one being written, after it in line (<see cref="BatchTurn"/>), once that one's
    /// events are numbered; then waits for that one. A batch that shares a document or a fact with the one before it, or
    /// revises a fact that one revises, starts only once that one is done.
    /// </summary>
    /// <returns>The batch now being written.</returns>
    private async Task<InFlight> StartBatchAsync(IReadOnlyList<ParsedFactFile> batch, InFlight? previous, List<DocumentIngested> results, IProgress<IngestProgress>? progress, string ingestId, CancellationToken cancellationToken)
    {
        var touches = new BatchTouches(batch);
        var conflicts = previous is not null && previous.Touches.Conflicts(touches);
        if (previous is not null && !conflicts)
        {
            await Task.WhenAny(previous.Turn.Numbered, previous.Written).ConfigureAwait(false);
        }

        if (previous is not null && (conflicts || previous.Written.IsCompleted))
        {
            await CompleteBatchAsync(previous, null, results, progress, ingestId, cancellationToken).ConfigureAwait(false);
            previous = null;
        }

        var turn = new BatchTurn(previous?.Turn, touches.Facts);
        var next = new InFlight(batch, turn, AppendBatchWithRetryAsync(batch, ingestId, turn, cancellationToken), touches);
        if (previous is not null)
        {
            await CompleteBatchAsync(previous, next, results, progress, ingestId, cancellationToken).ConfigureAwait(false);
        }

        return next;
    }

    /// <summary>
    /// Waits for a batch and adds what it appended to <paramref name="results"/>. A batch that rolled back because the one
    /// before it did is written again, now that the one before it is done. If the batch fails, the one after it, which
    /// then rolls back, is waited for before the failure is reported.
    /// </summary>
    private async Task CompleteBatchAsync(InFlight batch, InFlight? next, List<DocumentIngested> results, IProgress<IngestProgress>? progress, string ingestId, CancellationToken cancellationToken)
    {
        IReadOnlyList<DocumentIngested> written;
        try
        {
            try
            {
                written = await batch.Written.ConfigureAwait(false);
            }
            catch (BatchTurn.PreviousNotCommittedException)
            {
                written = await AppendBatchWithRetryAsync(batch.Batch, ingestId, new BatchTurn(null, batch.Touches.Facts), cancellationToken).ConfigureAwait(false);
            }
        }
        catch when (next is not null)
        {
            await DrainAsync(next.Written).ConfigureAwait(false);
            throw;
        }

        LedgerInstruments.Appended(written, sessions.Tenant);
        results.AddRange(written);
        progress?.Report(new IngestProgress(results.Count, results.Count, batch.Batch[^1].Path));
    }

    /// <summary>
    /// Waits for the batch after a failed one, which rolls back because of it (<see cref="BatchTurn"/>), so that nothing
    /// of the append still runs once the failure is reported; the failure reported is the first.
    /// </summary>
    private static async Task DrainAsync(Task written)
    {
        try
        {
            await written.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever it is, the failure before it is the one to report.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private Task<IReadOnlyList<DocumentIngested>> AppendBatchWithRetryAsync(IReadOnlyList<ParsedFactFile> batch, string ingestId, BatchTurn turn, CancellationToken cancellationToken) =>
        retry.ExecuteAsync(token => new ValueTask<IReadOnlyList<DocumentIngested>>(AppendBatchAsync(batch, ingestId, turn, token)), cancellationToken).AsTask();

    /// <summary>
    /// Appends one batch in a transaction of its own: its documents checked against the index, then written. It commits
    /// after the batch before it in <paramref name="turn"/>'s line, and only if that one committed; its transaction's
    /// end is recorded in the turn.
    /// </summary>
    private async Task<IReadOnlyList<DocumentIngested>> AppendBatchAsync(IReadOnlyList<ParsedFactFile> batch, string ingestId, BatchTurn turn, CancellationToken cancellationToken)
    {
        using var activity = LedgerInstruments.Start(LedgerInstruments.AppendBatchActivity, sessions.Tenant);
        try
        {
            var written = await AppendBatchInTurnAsync(batch, ingestId, turn, cancellationToken).ConfigureAwait(false);
            LedgerInstruments.Tag(activity, written);
            return written;
        }
        catch (Exception exception)
        {
            // Each attempt has its span: one that another writer or an outage ended is marked failed, the next retries.
            LedgerInstruments.Failed(activity, exception, exception is BatchTurn.PreviousNotCommittedException ? "previous_batch_not_committed" : null);
            throw;
        }
        finally
        {
            // After a commit, already recorded; otherwise the transaction rolled back.
            turn.End(committed: false);
        }
    }

    private async Task<IReadOnlyList<DocumentIngested>> AppendBatchInTurnAsync(IReadOnlyList<ParsedFactFile> batch, string ingestId, BatchTurn turn, CancellationToken cancellationToken)
    {
        var errors = IngestPlanner.DuplicateKeys(batch, (key, _) => new FactFileError(key, null, "document.key", "is given twice in one batch."));
        var ordered = errors.Count == 0 ? IngestPlanner.OrderByRevisionTargets(batch, errors) : [];
        var batchFacts = turn.Facts.Union(turn.PreviousFacts).ToHashSet();
        if (copy.Value)
        {
            await CopyAppend.EnsureStorageAsync(sessions.Store, cancellationToken).ConfigureAwait(false);
        }

        await using var connection = sessions.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var session = sessions.Write(transaction);
        session.CorrelationId = ingestId;
        session.LastModifiedBy = Environment.UserName;
        await turn.HoldAsync(connection, cancellationToken).ConfigureAwait(false);
        await DocumentStaging.LockRevisedFactsAsync(connection, ordered.SelectMany(file => file.Events), cancellationToken).ConfigureAwait(false);
        var fresh = await ActorRegistry.CheckAsync(session, ordered, errors, turn.PreviousActors, cancellationToken).ConfigureAwait(false);
        var actors = errors.Count == 0 ? await ActorRegistry.ClaimAsync(session, connection, fresh, registration => ordered.First(file => file.Document.Key == registration.DeclaredIn).Path, errors, cancellationToken).ConfigureAwait(false) : [];
        turn.RegisterActors(actors);
        var records = await IngestPlanner.LoadIndexedAsync(session, ordered, cancellationToken).ConfigureAwait(false);
        var results = new List<DocumentIngested>();
        var staged = new List<(ParsedFactFile File, DocumentPlan Plan)>();
        foreach (var file in ordered)
        {
            var plan = await IngestPlanner.PlanAsync(session, file, batchFacts, records, cancellationToken).ConfigureAwait(false);
            errors.AddRange(plan.Errors);
            if (plan.Errors.Count == 0 && plan.New.Count > 0)
            {
                staged.Add((file, plan));
            }

            results.Add(new DocumentIngested(file.Path, file.Document.Key, plan.New.Count, plan.Present));
        }

        if (errors.Count > 0)
        {
            throw ParsedFactFile.Refusal(errors, batch);
        }

        try
        {
            if (actors.Count > 0)
            {
                session.Store([.. actors]);
            }

            if (copy.Value && staged.All(document => !document.Plan.StreamExists))
            {
                await CopyAppend.WriteAsync(session, [.. staged.Select(document => (document.File, document.Plan.New))], ingestId, turn, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Marten's append reads the entries it revises as it saves: from the batch before this one too.
                await turn.WaitForPreviousAsync(connection, cancellationToken).ConfigureAwait(false);
                var unsaved = new HashSet<Guid>();
                foreach (var (file, plan) in staged)
                {
                    // Marten's inline multi-stream projections do not carry an entry created in one stream over to a
                    // revision from another stream in the same save: what is staged is saved first, in this transaction.
                    if (plan.New.OfType<IRevision>().Any(revision => unsaved.Contains(revision.Revises)))
                    {
                        await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                        unsaved.Clear();
                    }

                    await DocumentStaging.StageAsync(session, file, plan, cancellationToken).ConfigureAwait(false);
                    unsaved.UnionWith(plan.New.Select(e => e.FactId));
                }
            }

            await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await turn.WaitForPreviousAsync(connection, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            turn.End(committed: true);
            return results;
        }
        catch (Exception exception) when (RetryPolicy.IsConcurrentWrite(exception))
        {
            // Another writer touched one of these documents: append them one by one, each with its own retries, once
            // this transaction and its locks are gone.
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            turn.End(committed: false);
            await turn.WaitForPreviousAsync().ConfigureAwait(false);
            AppendLog.Retry(logger, $"batch of {batch.Count}", 1, exception.GetType().Name);
            var appended = new List<DocumentIngested>();
            foreach (var file in ordered)
            {
                appended.Add(await oneByOne.AppendAsync(file, batchFacts, ingestId, cancellationToken).ConfigureAwait(false));
            }

            return appended;
        }
    }

    /// <summary>A batch being written: its documents, its place in line, the task writing it, and what it touches.</summary>
    /// <param name="Batch">The documents, in order.</param>
    /// <param name="Turn">Its place in line.</param>
    /// <param name="Written">Completes with what each document appended.</param>
    /// <param name="Touches">The streams and facts it writes and the facts it revises.</param>
    private sealed record InFlight(IReadOnlyList<ParsedFactFile> Batch, BatchTurn Turn, Task<IReadOnlyList<DocumentIngested>> Written, BatchTouches Touches);
}
