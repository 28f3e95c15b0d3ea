using CooperationLedger.Answers;
using CooperationLedger.Diagnostics;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Storage;
using Microsoft.Extensions.Logging;
using Polly;

namespace CooperationLedger.Appending;

/// <summary>
/// Appends fact files to the ledger. Every file is read and checked first (fields, values, quotes, then, by
/// <see cref="IngestPlanner"/>, conflicts with what the ledger holds and revision targets); if anything is wrong nothing
/// is appended and every error is reported. Then each document is appended in its own transaction
/// (<see cref="DocumentAppender"/>). Documents built in code in bulk go to <see cref="BatchAppender"/>.
/// </summary>
internal sealed class Ingestor
{
    private readonly ILogger logger;
    private readonly DocumentAppender documents;
    private readonly BatchAppender batches;
    private readonly LedgerSessions sessions;

    public Ingestor(LedgerSessions sessions, ResiliencePipeline retry, ILogger logger)
    {
        this.sessions = sessions;
        this.logger = logger;
        documents = new DocumentAppender(sessions, retry, logger);
        batches = new BatchAppender(sessions, retry, documents, logger);
    }

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
                // A fault of the corpus's actor registry is met by every file read: it is reported once.
                errors.AddRange(exception.Errors.Where(error => !errors.Contains(error)));
            }
        }

        if (errors.Count > 0)
        {
            AppendLog.Refused(logger, errors.Count, files.Count);
            throw new FactFileException(errors);
        }

        return await IngestParsedAsync(parsed, dryRun, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks documents that have been read against each other and the ledger, then appends each one.</summary>
    public async Task<IngestReport> IngestParsedAsync(IReadOnlyList<ParsedFactFile> parsed, bool dryRun, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        IReadOnlyList<(ParsedFactFile File, DocumentPlan Plan)> planned;
        try
        {
            planned = await IngestPlanner.CheckAsync(sessions, parsed, dryRun, cancellationToken).ConfigureAwait(false);
        }
        catch (FactFileException refused)
        {
            AppendLog.Refused(logger, refused.Errors.Count, parsed.Count);
            throw;
        }

        var batchFacts = IngestPlanner.FactsOf(parsed);
        var results = new List<DocumentIngested>();
        var ingestId = Guid.NewGuid().ToString();
        foreach (var (file, plan) in planned)
        {
            if (dryRun)
            {
                results.Add(new DocumentIngested(file.Path, file.Document.Key, plan.New.Count, plan.Present));
            }
            else
            {
                var appended = await documents.AppendAsync(file, batchFacts, ingestId, cancellationToken).ConfigureAwait(false);
                LedgerInstruments.Appended([appended], sessions.Tenant);
                results.Add(appended);
            }

            progress?.Report(new IngestProgress(results.Count, planned.Count, file.Path));
        }

        var report = new IngestReport(results, dryRun);
        AppendLog.Ingested(logger, dryRun ? "Checked" : "Ingested", results.Count, report.FactsAppended, report.FactsAlreadyPresent);
        return report;
    }

    /// <inheritdoc cref="BatchAppender.AppendManyAsync"/>
    public Task<IngestReport> AppendManyAsync(IAsyncEnumerable<DocumentFacts> documentFacts, int batchFacts, IProgress<IngestProgress>? progress, CancellationToken cancellationToken) =>
        batches.AppendManyAsync(documentFacts, batchFacts, progress, cancellationToken);
}
