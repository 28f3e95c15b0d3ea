using System.Diagnostics;
using CooperationLedger.Facts;
using CooperationLedger.Hosting;
using CooperationLedger.Hosting.Projections;
using CooperationLedger.Ingestion;
using CooperationLedger.Synthetic;
using Marten;
using NodaTime;
using Weasel.Core;

namespace CooperationLedger.Benchmarks;

/// <summary>
/// What a rebuild cannot do without, measured on the ledger's own entry tables: the entries of a sample of the history,
/// folded beforehand and unmeasured, written by Marten's bulk insert (each entry serialized, its duplicated columns
/// filled, binary COPY, the four projections of a chunk side by side, as a rebuild writes them) into tables whose
/// secondary indexes are set aside, then those indexes built again. A rebuild does all of this and more besides
/// (reading and deserializing the events, folding them, writing over the entries of earlier chunks that a chunk
/// revises), so it cannot go faster than this for this data model.
/// </summary>
internal static class EntryLimit
{
    public static async Task<(TimeSpan Writing, TimeSpan Indexing)> MeasureAsync(string connectionString, SyntheticHistoryOptions sample, int chunkFacts = 10_000)
    {
        await using var ledger = Ledger.Connect(connectionString, new LedgerStoreSettings { Schema = "bench_entries" });
        await ledger.MigrateAsync();
        var indexes = await EntryIndexes.SetAsideAsync(ledger.Store, CancellationToken.None);
        var writing = TimeSpan.Zero;
        var chunk = new List<DocumentFacts>();
        foreach (var document in SyntheticHistory.Generate(sample))
        {
            chunk.Add(document);
            if (chunk.Sum(facts => facts.Facts.Count) >= chunkFacts)
            {
                writing += await WriteAsync(ledger.Store, chunk, chunkFacts);
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            writing += await WriteAsync(ledger.Store, chunk, chunkFacts);
        }

        var watch = Stopwatch.StartNew();
        await indexes.RestoreAsync(CancellationToken.None);
        return (writing, watch.Elapsed);
    }

    /// <summary>Folds a chunk's entries, then measures writing them alone.</summary>
    private static async Task<TimeSpan> WriteAsync(IDocumentStore store, IReadOnlyList<DocumentFacts> chunk, int chunkFacts)
    {
        var replay = new EventReplay();
        var recordedAt = SystemClock.Instance.GetCurrentInstant();
        foreach (var document in chunk)
        {
            var stream = FactIds.ForDocument(document.Document.Key);
            for (var i = 0; i < document.Facts.Count; i++)
            {
                replay.Apply(document.Facts[i], recordedAt, new EventAddress(stream, i + 1));
            }
        }

        var (donations, claims, agreements, timeline) = (replay.Donations.ToArray(), replay.Claims.ToArray(), replay.Agreements.ToArray(), replay.Timeline.ToArray());
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(
            store.BulkInsertAsync(donations, BulkInsertMode.InsertsOnly, chunkFacts),
            store.BulkInsertAsync(claims, BulkInsertMode.InsertsOnly, chunkFacts),
            store.BulkInsertAsync(agreements, BulkInsertMode.InsertsOnly, chunkFacts),
            store.BulkInsertAsync(timeline, BulkInsertMode.InsertsOnly, chunkFacts));
        return watch.Elapsed;
    }
}
