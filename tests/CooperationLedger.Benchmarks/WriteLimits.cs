using System.Diagnostics;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using CooperationLedger.Storage;
using CooperationLedger.Synthetic;
using JasperFx.Events;
using Marten;
using NodaTime;
using Weasel.Core;

namespace CooperationLedger.Benchmarks;

/// <summary>
/// What ingest and rebuild cannot do without, measured on the ledger's own tables in a schema of their own: the rows a
/// sample of the history leaves, built beforehand and unmeasured, written by Marten's bulk paths (each document
/// serialized, its duplicated columns filled, binary COPY) and the read rows by the ledger's own COPY, a chunk at a time
/// with its tables side by side. Ingest and rebuild do all of this on the same cores and more besides (reading,
/// checking, building the rows): each limit is what the rest of their work adds to, for this data model.
/// </summary>
internal static class WriteLimits
{
    private const int ChunkFacts = 10_000;

    /// <summary>
    /// The rebuild's limit: the sample's read rows written into the read tables with their secondary indexes set aside,
    /// as a rebuild writes them; then those indexes built again.
    /// </summary>
    public static async Task<(TimeSpan Writing, TimeSpan Indexing)> RebuildAsync(string connectionString, SyntheticHistoryOptions sample)
    {
        await using var ledger = await ConnectAsync(connectionString, "bench_rebuild_limit");
        await using var connection = ledger.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        var indexes = await ReadTableIndexes.SetAsideAsync(ledger.Store, connection, CancellationToken.None);
        var writing = await WriteAsync(ledger.Store, sample, withEvents: false);
        var watch = Stopwatch.StartNew();
        await indexes.RestoreAsync(connection, CancellationToken.None);
        return (writing, watch.Elapsed);
    }

    /// <summary>
    /// The ingest's limit: the sample's events with all the ledger keeps for them (fact index, document texts, read
    /// rows) written into tables whose indexes stay current, as they must while the ledger is queried.
    /// </summary>
    public static async Task<TimeSpan> IngestAsync(string connectionString, SyntheticHistoryOptions sample)
    {
        await using var ledger = await ConnectAsync(connectionString, "bench_ingest_limit");
        return await WriteAsync(ledger.Store, sample, withEvents: true);
    }

    private static async Task<Ledger> ConnectAsync(string connectionString, string schema)
    {
        var ledger = Ledger.Connect(connectionString, new LedgerStoreSettings { Schema = schema });
        await ledger.MigrateAsync();
        return ledger;
    }

    private static async Task<TimeSpan> WriteAsync(IDocumentStore store, SyntheticHistoryOptions sample, bool withEvents)
    {
        var writing = TimeSpan.Zero;
        var chunk = new List<DocumentFacts>();
        foreach (var document in SyntheticHistory.Generate(sample))
        {
            chunk.Add(document);
            if (chunk.Sum(facts => facts.Facts.Count) >= ChunkFacts)
            {
                writing += await WriteChunkAsync(store, chunk, withEvents);
                chunk.Clear();
            }
        }

        return chunk.Count > 0 ? writing + await WriteChunkAsync(store, chunk, withEvents) : writing;
    }

    /// <summary>Builds a chunk's rows, then measures writing them alone.</summary>
    private static async Task<TimeSpan> WriteChunkAsync(IDocumentStore store, IReadOnlyList<DocumentFacts> chunk, bool withEvents)
    {
        var recordedAt = SystemClock.Instance.GetCurrentInstant();
        var registry = (IEventRegistry)store.Options.Events;
        var serializer = store.Options.Serializer();
        var streams = new List<StreamAction>();
        var facts = new List<IndexedFact>();
        var documents = new List<StoredArticle>();
        var rows = new ReadRows(serializer);
        foreach (var document in chunk)
        {
            var stream = FactIds.ForDocument(document.Document.Key);
            streams.Add(StreamAction.Start(registry, stream, [.. document.Facts]));
            documents.Add(new StoredArticle(document.Document.Key, document.Document, document.ArticleText));
            for (var i = 0; i < document.Facts.Count; i++)
            {
                var fact = document.Facts[i];
                facts.Add(IndexedFact.Of(fact, document.Document.Key, stream));
                rows.Add(fact, recordedAt, new StreamPosition(stream, i + 1));
            }
        }

        string tenant;
        await using (var session = store.QuerySession())
        {
            tenant = session.TenantId;
        }

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        List<Task> writes = [];
        var watch = Stopwatch.StartNew();
        if (withEvents)
        {
            writes.Add(((DocumentStore)store).BulkInsertEventsAsync(streams, ChunkFacts));
            writes.Add(store.BulkInsertAsync(facts, BulkInsertMode.InsertsOnly, ChunkFacts));
            writes.Add(store.BulkInsertAsync(documents, BulkInsertMode.InsertsOnly, ChunkFacts));
        }

        writes.Add(rows.CopyAsync(connection, store.Options.Events.DatabaseSchemaName, tenant, CancellationToken.None));
        await Task.WhenAll(writes);
        return watch.Elapsed;
    }
}
