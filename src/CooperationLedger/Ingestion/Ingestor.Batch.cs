using CooperationLedger.Facts;

namespace CooperationLedger.Ingestion;

/// <content>
/// The bulk path: many documents checked with one index query and appended in one transaction, for loading large
/// histories. Each batch is all-or-nothing, so each of its documents is too. At the end of a large append the entry
/// tables' statistics are refreshed, so that the next query is planned for their new size.
/// </content>
internal sealed partial class Ingestor
{
    /// <summary>
    /// How many facts a bulk append must add before it refreshes the entry tables' statistics; fewer change the tables
    /// too little to mislead the planner, and autovacuum keeps up with them.
    /// </summary>
    private const int AnalyzeAfterFacts = 1000;

    public async Task<IngestReport> AppendManyAsync(IAsyncEnumerable<DocumentFacts> documents, int batchFacts, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var ingestId = Guid.NewGuid().ToString();
        var results = new List<DocumentIngested>();
        var batch = new List<ParsedFactFile>();
        var pending = 0;
        await foreach (var document in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(DocumentFactsCheck.Check(document));
            pending += document.Facts.Count;
            if (pending >= batchFacts)
            {
                results.AddRange(await AppendBatchWithRetryAsync(batch, ingestId, cancellationToken).ConfigureAwait(false));
                progress?.Report(new IngestProgress(results.Count, results.Count, batch[^1].Path));
                batch.Clear();
                pending = 0;
            }
        }

        if (batch.Count > 0)
        {
            results.AddRange(await AppendBatchWithRetryAsync(batch, ingestId, cancellationToken).ConfigureAwait(false));
            progress?.Report(new IngestProgress(results.Count, results.Count, batch[^1].Path));
        }

        var report = new IngestReport(results, DryRun: false);
        if (report.FactsAppended >= AnalyzeAfterFacts)
        {
            await Hosting.Projections.EntryStatistics.RefreshAsync(sessions.Store, cancellationToken).ConfigureAwait(false);
        }

        LogIngested(logger, "Appended", results.Count, report.FactsAppended, report.FactsAlreadyPresent);
        return report;
    }

    private Task<IReadOnlyList<DocumentIngested>> AppendBatchWithRetryAsync(IReadOnlyList<ParsedFactFile> batch, string ingestId, CancellationToken cancellationToken) =>
        transient.ExecuteAsync(token => new ValueTask<IReadOnlyList<DocumentIngested>>(AppendBatchAsync(batch, ingestId, token)), cancellationToken).AsTask();

    /// <summary>
    /// Appends one batch in a transaction of its own: its documents checked against the index, then written by
    /// <see cref="CopyAppend"/> when every document with new facts is new to the ledger and the store is one it can
    /// fill, else through Marten's append and inline projections.
    /// </summary>
    private async Task<IReadOnlyList<DocumentIngested>> AppendBatchAsync(IReadOnlyList<ParsedFactFile> batch, string ingestId, CancellationToken cancellationToken)
    {
        var errors = new List<FactFileError>();
        foreach (var duplicate in batch.GroupBy(file => file.Document.Key).Where(group => group.Count() > 1))
        {
            errors.Add(new FactFileError(duplicate.Key, null, "document.key", "is given twice in one batch."));
        }

        var ordered = errors.Count == 0 ? OrderByRevisionTargets(batch, errors) : [];
        var batchFacts = batch.SelectMany(file => file.Events).OfType<IReportedFact>().Select(fact => fact.FactId).ToHashSet();
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
        await LockRevisedFactsAsync(connection, ordered.SelectMany(file => file.Events), cancellationToken).ConfigureAwait(false);
        var records = await LoadRecordsAsync(session, ordered, cancellationToken).ConfigureAwait(false);
        var results = new List<DocumentIngested>();
        var staged = new List<(ParsedFactFile File, Plan Plan)>();
        foreach (var file in ordered)
        {
            var plan = await PlanAsync(session, file, batchFacts, records, cancellationToken).ConfigureAwait(false);
            errors.AddRange(plan.Errors);
            if (plan.Errors.Count == 0 && plan.New.Count > 0)
            {
                staged.Add((file, plan));
            }

            results.Add(new DocumentIngested(file.Path, file.Document.Key, plan.New.Count, plan.Present));
        }

        if (errors.Count > 0)
        {
            throw new FactFileException(errors);
        }

        try
        {
            if (copy.Value && staged.All(document => !document.Plan.StreamExists))
            {
                await CopyAppend.WriteAsync(session, [.. staged.Select(document => (document.File, document.Plan.New))], ingestId, cancellationToken).ConfigureAwait(false);
            }
            else
            {
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

                    await StageAsync(session, file, plan, cancellationToken).ConfigureAwait(false);
                    unsaved.UnionWith(plan.New.Select(e => e.FactId));
                }
            }

            await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return results;
        }
        catch (Exception exception) when (IsConcurrentWrite(exception))
        {
            // Another writer touched one of these documents: append them one by one, each with its own retries, once
            // this transaction and its locks are gone.
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            LogRetry(logger, $"batch of {batch.Count}", 1, exception.GetType().Name);
            var oneByOne = new List<DocumentIngested>();
            foreach (var file in ordered)
            {
                oneByOne.Add(await AppendAsync(file, batchFacts, ingestId, cancellationToken).ConfigureAwait(false));
            }

            return oneByOne;
        }
    }
}
