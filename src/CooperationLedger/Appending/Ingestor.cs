using CooperationLedger.Answers;
using CooperationLedger.Diagnostics;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Storage;
using JasperFx;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CooperationLedger.Appending;

/// <summary>
/// Appends fact files to the ledger. Every file is read and checked first (fields, values, quotes, conflicts with what
/// the ledger holds, revision targets); if anything is wrong nothing is appended and every error is reported. Then each
/// document is appended in its own transaction: all its new facts or none, to its own stream, with the fact index and
/// the projections updated in the same transaction.
/// </summary>
internal sealed partial class Ingestor(LedgerSessions sessions, ILogger logger)
{
    private const int MaxAttempts = 5;

    private readonly Polly.ResiliencePipeline transient = TransientRetry.Create(logger);

    private readonly Lazy<bool> copy = new(() => CopyAppend.Supports(sessions.Store));

    public async Task<IngestReport> IngestAsync(IReadOnlyCollection<string> paths, bool dryRun, IProgress<IngestProgress>? progress, string? corpusRoot, CancellationToken cancellationToken)
    {
        // An ingest cancelled before it starts says so, rather than what it would have found wrong with its paths.
        cancellationToken.ThrowIfCancellationRequested();
        var errors = new List<FactFileError>();
        var files = FactFileLocator.Expand(paths, errors);
        if (files.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FactFileError(string.Join(", ", paths), null, null, "holds no fact files (*.yaml, *.yml)."));
        }

        var parsed = new List<ParsedFactFile>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                parsed.Add(FactFileReader.Read(file, corpusRoot));
            }
            catch (FactFileException exception)
            {
                errors.AddRange(exception.Errors);
            }
        }

        if (errors.Count > 0)
        {
            LogRefused(logger, errors.Count, files.Count);
            throw new FactFileException(errors);
        }

        return await IngestParsedAsync(parsed, dryRun, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks documents that have been read against each other and the ledger, then appends each one.</summary>
    public async Task<IngestReport> IngestParsedAsync(IReadOnlyList<ParsedFactFile> parsed, bool dryRun, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new List<FactFileError>();
        foreach (var duplicate in parsed.GroupBy(file => file.Document.Key).Where(group => group.Count() > 1))
        {
            errors.Add(new FactFileError(duplicate.Last().Path, null, "document.key", $"'{duplicate.Key}' is also the key of {duplicate.First().Path}."));
        }

        var ordered = errors.Count == 0 ? OrderByRevisionTargets(parsed, errors) : [];
        var batchFacts = parsed.SelectMany(file => file.Events).OfType<IReportedFact>().Select(fact => fact.FactId).ToHashSet();
        var plans = new Dictionary<string, Plan>(StringComparer.Ordinal);
        if (errors.Count == 0)
        {
            // A ledger with no tables yet holds nothing to check against, and a dry run does not create them.
            var held = await sessions.Guard.CheckAsync(cancellationToken).ConfigureAwait(false) || !dryRun;
            await using var query = sessions.Query();
            var registered = !dryRun || sessions.Guard.Found(typeof(ActorRegistration));
            await ActorRegistry.CheckAsync(held && registered ? query : null, ordered, errors, pending: null, cancellationToken).ConfigureAwait(false);
            var records = held ? await LoadRecordsAsync(query, ordered, cancellationToken).ConfigureAwait(false) : new Dictionary<Guid, FactRecord>();
            foreach (var file in ordered)
            {
                var plan = await PlanAsync(query, file, batchFacts, records, cancellationToken).ConfigureAwait(false);
                errors.AddRange(plan.Errors);
                plans[file.Path] = plan;
            }
        }

        if (errors.Count > 0)
        {
            LogRefused(logger, errors.Count, parsed.Count);
            throw ParsedFactFile.Refusal(errors, parsed);
        }

        var results = new List<DocumentIngested>();
        var ingestId = Guid.NewGuid().ToString();
        foreach (var file in ordered)
        {
            if (dryRun)
            {
                results.Add(new DocumentIngested(file.Path, file.Document.Key, plans[file.Path].New.Count, plans[file.Path].Present));
            }
            else
            {
                var appended = await transient.ExecuteAsync(token => new ValueTask<DocumentIngested>(AppendAsync(file, batchFacts, ingestId, token)), cancellationToken).ConfigureAwait(false);
                LedgerInstruments.Appended([appended], sessions.Tenant);
                results.Add(appended);
            }

            progress?.Report(new IngestProgress(results.Count, ordered.Count, file.Path));
        }

        var report = new IngestReport(results, dryRun);
        LogIngested(logger, dryRun ? "Checked" : "Ingested", results.Count, report.FactsAppended, report.FactsAlreadyPresent);
        return report;
    }

    /// <summary>
    /// Appends one document's new facts. Every event of one ingest shares its correlation id; the causation id is the
    /// document's key; the fact file's name is a header.
    /// </summary>
    private async Task<DocumentIngested> AppendAsync(ParsedFactFile file, IReadOnlySet<Guid> batchFacts, string ingestId, CancellationToken cancellationToken)
    {
        var streamSeen = false;
        for (var attempt = 1; ; attempt++)
        {
            await using var session = sessions.Write();
            session.CorrelationId = ingestId;
            session.LastModifiedBy = Environment.UserName;
            var plan = await PlanAsync(session, file, batchFacts, cancellationToken).ConfigureAwait(false);
            if (plan.Errors.Count > 0)
            {
                throw ParsedFactFile.Refusal(plan.Errors, [file]);
            }

            if (plan.New.Count == 0)
            {
                return new DocumentIngested(file.Path, file.Document.Key, 0, plan.Present);
            }

            await LockRevisedFactsAsync(session, plan.New, cancellationToken).ConfigureAwait(false);
            await StageAsync(session, file, streamSeen ? plan with { StreamExists = true } : plan, cancellationToken).ConfigureAwait(false);
            try
            {
                await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return new DocumentIngested(file.Path, file.Document.Key, plan.New.Count, plan.Present);
            }
            catch (Exception exception) when (attempt < MaxAttempts && IsConcurrentWrite(exception))
            {
                // A stream that another writer started, or that holds facts this document no longer lists, exists.
                streamSeen = true;
                LogRetry(logger, file.Document.Key, attempt, exception.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Adds a document's new events to its stream (starting the stream, or appending at the version read, so that a
    /// concurrent writer is detected), its index records and its stored text to the session. Each event carries the
    /// document's key as its causation id and the file's name as a header.
    /// </summary>
    private static async Task StageAsync(IDocumentSession session, ParsedFactFile file, Plan plan, CancellationToken cancellationToken)
    {
        var streamId = FactIds.ForDocument(file.Document.Key);
        var events = plan.New.Cast<object>().ToArray();
        var state = plan.StreamExists ? await session.Events.FetchStreamStateAsync(streamId, cancellationToken).ConfigureAwait(false) : null;
        var action = state is null
            ? session.Events.StartStream(streamId, events)
            : session.Events.Append(streamId, state.Version + events.Length, events);
        var headers = StoredJsonNames.HeadersOf(file);
        foreach (var e in action.Events)
        {
            e.CausationId = file.Document.Key;
            foreach (var (name, value) in headers)
            {
                e.SetHeader(name, value);
            }
        }

        foreach (var e in plan.New)
        {
            session.Insert(FactRecord.Of(e, file.Document.Key, streamId));
        }

        session.Store(StoredDocument.Of(file));
        await ActorRegistry.RegisterAsync(session, file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes a transaction-scoped advisory lock on every fact the events revise, in a fixed order, before the inline
    /// projections load those facts' entries: two writers revising the same fact at once then take turns, and neither
    /// overwrites the other's revision.
    /// </summary>
    private static async Task LockRevisedFactsAsync(IDocumentSession session, IEnumerable<ILedgerEvent> events, CancellationToken cancellationToken)
    {
        if (events.OfType<IRevision>().Any())
        {
            await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await LockRevisedFactsAsync(session.Connection!, events, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the locks of <see cref="LockRevisedFactsAsync(IDocumentSession, IEnumerable{ILedgerEvent}, CancellationToken)"/> in the connection's open transaction.</summary>
    private static async Task LockRevisedFactsAsync(NpgsqlConnection connection, IEnumerable<ILedgerEvent> events, CancellationToken cancellationToken)
    {
        foreach (var id in events.OfType<IRevision>().Select(revision => revision.Revises).Distinct().Order())
        {
            await AdvisoryLocks.HoldFactAsync(connection, id, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsConcurrentWrite(Exception exception) =>
        exception is ConcurrencyException or DocumentAlreadyExistsException or JasperFx.Events.ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException or Marten.Exceptions.ConcurrentUpdateException
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected }
        || (exception.InnerException is { } inner && IsConcurrentWrite(inner));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} {Documents} documents: {Appended} facts appended, {Present} already present")]
    private static partial void LogIngested(ILogger logger, string verb, int documents, int appended, int present);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the ingest: {Errors} errors in {Files} files; nothing was appended")]
    private static partial void LogRefused(ILogger logger, int errors, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another writer changed document {Document} during attempt {Attempt} ({Reason}); retrying")]
    private static partial void LogRetry(ILogger logger, string document, int attempt, string reason);
}
