using CooperationLedger.Answers;
using CooperationLedger.Appending;
using CooperationLedger.Diagnostics;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Storage;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Npgsql;

namespace CooperationLedger;

/// <summary>
/// The ledger: appends sourced facts to a PostgreSQL event store and answers what the record said as of any point on
/// three time axes (effective, known, recorded), with every figure traced to the events and citations behind it.
/// </summary>
/// <remarks>Instances are thread-safe; create one per database and share it.</remarks>
public sealed partial class Ledger : IAsyncDisposable
{
    private readonly IDocumentStore store;
    private readonly LedgerSessions sessions;
    private readonly IAsyncDisposable? owned;
    private readonly ILogger logger;
    private readonly Polly.ResiliencePipeline retry;
    private readonly Ingestor ingestor;
    private readonly Lazy<DatabaseAddress> address;

    /// <summary>Initializes a ledger over a Marten store that the application configured with <c>AddCooperationLedger()</c>.</summary>
    /// <param name="store">The store; the ledger does not dispose it.</param>
    /// <param name="logger">Where the ledger logs what it does (ingest summaries, retries); never secrets.</param>
    /// <exception cref="InvalidOperationException">The store was not configured with <c>AddCooperationLedger()</c>, or
    /// cannot keep the ledger's facts (its serializer does not read them back, or it keeps streams by string); the
    /// message says what to change.</exception>
    public Ledger(IDocumentStore store, ILogger<Ledger>? logger = null)
        : this(store, null, logger, tenant: null, guard: null)
    {
    }

    private Ledger(IDocumentStore store, IAsyncDisposable? owned, ILogger? logger, string? tenant, SchemaGuard? guard, bool absentIsEmpty = false)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        if (guard is null)
        {
            // A tenant's ledger shares a store its root ledger has checked already.
            StoreCheck.Check(store);
        }

        this.owned = owned;
        this.logger = logger ?? NullLogger.Instance;
        retry = RetryPolicy.Create(this.logger);
        address = new Lazy<DatabaseAddress>(() => DatabaseAddress.Of(store));
        sessions = new LedgerSessions(store, tenant, guard ?? new SchemaGuard(store, absentIsEmpty));
        ingestor = new Ingestor(sessions, retry, this.logger);
    }

    /// <summary>Gets the tenant this ledger reads and writes, or <see langword="null"/> for a store without tenancy.</summary>
    public string? Tenant => sessions.Tenant;

    /// <summary>Gets the Marten store behind the ledger.</summary>
    internal IDocumentStore Store => store;

    /// <summary>Connects to the database in <paramref name="connectionString"/> with a store of the ledger's own, in the default schema.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="clock">The clock that stamps recorded times; the system clock when omitted.</param>
    /// <param name="logger">Where the ledger logs what it does.</param>
    /// <returns>The ledger; dispose it to release its connections.</returns>
    /// <exception cref="ArgumentException">The connection string cannot be read.</exception>
    public static Ledger Connect(string connectionString, IClock? clock = null, ILogger<Ledger>? logger = null) =>
        Connect(new LedgerOptions { ConnectionString = connectionString }, clock, logger);

    /// <summary>Connects to the database of <see cref="LedgerOptions.ConnectionString"/> with a store of the ledger's own.</summary>
    /// <param name="options">The connection string, schema, creation policy and tenancy.</param>
    /// <param name="clock">The clock that stamps recorded times; the system clock when omitted.</param>
    /// <param name="logger">Where the ledger logs what it does.</param>
    /// <returns>The ledger; dispose it to release its connections.</returns>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public static Ledger Connect(LedgerOptions options, IClock? clock = null, ILogger<Ledger>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Connect(options.ConnectionString!, options.ForOwnStore(), clock, logger);
    }

    /// <summary>Connects with checked settings.</summary>
    internal static Ledger Connect(string connectionString, LedgerStoreSettings settings, IClock? clock = null, ILogger<Ledger>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = StoreFactory.BuildDataSource(connectionString);
        var store = DocumentStore.For(options => StoreFactory.ConfigureOwnStore(options, dataSource, settings, clock));
        return new Ledger(store, new OwnedStore(store, dataSource), logger, tenant: null, guard: null, settings.ReadsAbsentTablesAsEmpty);
    }

    /// <summary>
    /// Gets the ledger of one tenant of a multi-tenanted store (<see cref="LedgerOptions.MultiTenant"/>): every read
    /// and write it makes is scoped to that tenant, and no query, audit or export of it sees another tenant's facts.
    /// </summary>
    /// <param name="tenantId">Lower-case letters, digits, hyphens and underscores, at most 63 characters.</param>
    /// <returns>The tenant's ledger; it shares this ledger's store, and disposing it releases nothing.</returns>
    /// <exception cref="ArgumentException">The tenant id is not valid.</exception>
    /// <exception cref="InvalidOperationException">The store is not multi-tenanted.</exception>
    public Ledger ForTenant(string tenantId)
    {
        TenantId.Validate(tenantId, nameof(tenantId));
        if (store.Options.Events.TenancyStyle != JasperFx.MultiTenancy.TenancyStyle.Conjoined)
        {
            throw new InvalidOperationException("This ledger's store is not multi-tenanted: connect with LedgerOptions.MultiTenant = true.");
        }

        return new Ledger(store, null, logger, tenantId, sessions.Guard);
    }

    /// <summary>
    /// Creates or updates the ledger's tables, functions and indexes. Call it once at deployment when the store's
    /// <see cref="LedgerOptions.AutoCreate"/> is <c>None</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="LedgerSchemaException">The tables were laid out for the other tenancy; nothing was changed.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await sessions.Guard.CheckAsync(cancellationToken, migrating: true).ConfigureAwait(false);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(JasperFx.AutoCreate.CreateOrUpdate).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the fact files at <paramref name="paths"/> (files, or folders searched for <c>*.yaml</c> and <c>*.yml</c>),
    /// checks them all, and appends each document's new facts atomically. Facts already present are left alone. Only
    /// regular files are read (never a device, FIFO or socket), each of at most 4 MiB, nested at most 32 levels deep.
    /// </summary>
    /// <param name="paths">Files or folders.</param>
    /// <param name="dryRun"><see langword="true"/> to check only, appending nothing.</param>
    /// <param name="progress">Told after each document.</param>
    /// <param name="corpusRoot">
    /// The folder every article must lie in, after following links: a fact file naming a file elsewhere is refused.
    /// When omitted, each fact file's corpus is the folder that holds its folder (<c>corpus/facts/a.yaml</c> may name
    /// <c>../articles/a.txt</c>), or its own folder where that would be the file system's root.
    /// </param>
    /// <param name="cancellationToken">Cancels the ingest between documents.</param>
    /// <returns>What was appended and what was already present, per document.</returns>
    /// <exception cref="FactFileException">A file has errors, or conflicts with what the ledger holds; nothing was appended.</exception>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries; each document is appended whole or not at all.</exception>
    public async Task<IngestReport> IngestAsync(IEnumerable<string> paths, bool dryRun = false, IProgress<IngestProgress>? progress = null, string? corpusRoot = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = paths.ToArray();
        using var activity = LedgerInstruments.Start(LedgerInstruments.IngestActivity, Tenant);
        return await WritingAsync(activity, prepare: !dryRun, token => ingestor.IngestAsync(files, dryRun, progress, corpusRoot, token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends one document's facts built in code, under the same checks as a fact file (keys and ids, the document,
    /// every quote against the text, conflicts with what the ledger holds), in one transaction. Facts already present
    /// are left alone.
    /// </summary>
    /// <param name="document">The document, its text and its facts.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>What was appended and what was already present.</returns>
    /// <exception cref="FactFileException">A fact is invalid or conflicts with the ledger; nothing was appended.</exception>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries; nothing was appended.</exception>
    public async Task<DocumentIngested> AppendAsync(DocumentFacts document, CancellationToken cancellationToken = default)
    {
        using var activity = LedgerInstruments.Start(LedgerInstruments.AppendActivity, Tenant);
        var report = await WritingAsync(activity, prepare: true, token => ingestor.IngestParsedAsync([DocumentFactsCheck.Check(document)], dryRun: false, progress: null, token), cancellationToken).ConfigureAwait(false);
        return report.Documents[0];
    }

    /// <summary>
    /// Appends a long stream of documents for a large load: checked as <see cref="AppendAsync"/> does, and appended in
    /// transactions of about <paramref name="batchFacts"/> facts, each all-or-nothing. The stream is read as it is
    /// appended, never held whole. A batch with an error is refused whole, with every error, after the batches before it
    /// were appended. A batch of documents new to the ledger is written with PostgreSQL's binary COPY, the projections
    /// included, in its transaction; other batches go through Marten's append (see docs/storage.md, "How facts are stored").
    /// Two batches are written at once, each on a connection of its own, and commit in the order of the stream.
    /// </summary>
    /// <param name="documents">The documents, in an order where a fact comes before any revision of it.</param>
    /// <param name="batchFacts">About how many facts go in one transaction.</param>
    /// <param name="progress">Told after each batch.</param>
    /// <param name="cancellationToken">Cancels the load between batches.</param>
    /// <returns>What was appended and what was already present, per document.</returns>
    /// <exception cref="FactFileException">A batch has an invalid or conflicting fact; that batch was not appended.</exception>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries; each batch is appended whole or not at all.</exception>
    public async Task<IngestReport> AppendManyAsync(IAsyncEnumerable<DocumentFacts> documents, int batchFacts = 1000, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchFacts, 1);
        using var activity = LedgerInstruments.Start(LedgerInstruments.AppendManyActivity, Tenant);
        return await WritingAsync(activity, prepare: true, token => ingestor.AppendManyAsync(documents, batchFacts, progress, token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rebuilds every projection of this ledger (of its tenant, when the store has several) from the events: for
    /// recovery, or after a change to what a projection keeps. The events are folded in memory a chunk at a time and
    /// the projections written with PostgreSQL's binary COPY, all in one transaction: queries never see a partial
    /// rebuild (a rebuild of the whole store holds the projection tables, so they wait for it to commit), and a rebuild
    /// that fails, is cancelled or is killed leaves the projections as they were. Do not append meanwhile.
    /// </summary>
    /// <param name="cancellationToken">Cancels the rebuild.</param>
    /// <returns>A task that completes when every projection is rebuilt.</returns>
    /// <exception cref="InvalidOperationException">The store is multi-tenanted and this is not a tenant's ledger.</exception>
    public Task RebuildProjectionsAsync(CancellationToken cancellationToken = default) => RebuildProjectionsAsync(10_000, cancellationToken);

    /// <summary>Rebuilds folding <paramref name="chunkEvents"/> events at a time.</summary>
    internal async Task RebuildProjectionsAsync(int chunkEvents, CancellationToken cancellationToken)
    {
        if (Tenant is null && store.Options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined)
        {
            // The store's own ledger holds no tenant's facts, and emptying its tables would empty every tenant's.
            throw new InvalidOperationException("This store is multi-tenanted: rebuild each tenant's ledger (Ledger.ForTenant) instead.");
        }

        using var activity = LedgerInstruments.Start(LedgerInstruments.RebuildActivity, Tenant);
        await WritingAsync(
            activity,
            prepare: true,
            async token =>
            {
                await new ProjectionRebuild(sessions, chunkEvents).RunAsync(token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the store and connections the ledger created; a store passed in is left to its owner.</summary>
    /// <returns>A task that completes when released.</returns>
    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;

    private sealed class OwnedStore(DocumentStore store, NpgsqlDataSource dataSource) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await store.DisposeAsync().ConfigureAwait(false);
            await dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }
}
