using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CooperationLedger;
using CooperationLedger.Answers;
using CooperationLedger.Benchmarks;
using CooperationLedger.Facts;
using CooperationLedger.LocalCluster;
using CooperationLedger.Storage;
using CooperationLedger.Synthetic;
using CooperationLedger.Views;
using JasperFx.Events;
using Marten;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

var settings = BenchmarkSettings.Parse(args);
var history = new SyntheticHistoryOptions(settings.MaxFacts, settings.Seed);
Console.WriteLine($"CooperationLedger benchmark: sizes {string.Join(", ", settings.Sizes.Select(size => size.ToString("N0", CultureInfo.InvariantCulture)))}, seed {settings.Seed}");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

// Buffers of up to 8 GB (a quarter of the machine at most): the million-fact ledger, about 6 GB, stays in the server's
// memory, as in the runs whose figures docs/performance.md compares, rather than in the desktop default of 256 MB.
await using var cluster = await LocalPostgresCluster.StartTemporaryAsync(sharedBuffers: SharedBuffers.FromMegabytes(8 * 1024));
var connectionString = await cluster.EnsureDatabaseAsync("bench");
var results = new Results(settings.Sizes);

// 0. What generating the history costs alone, so that it can be seen inside every rate below.
var watch = Stopwatch.StartNew();
var generated = SyntheticHistory.Generate(history).Sum(document => document.Facts.Count);
results.GenerationPerSecond = generated / watch.Elapsed.TotalSeconds;
var questions = Questions.From(SyntheticHistory.Generate(history), settings.Sizes[0]);
Console.WriteLine($"generated {generated:N0} events in {watch.Elapsed.TotalSeconds:0.0} s");

// 2 and 3 and 4. Ingest through the public API, size by size, with as-of queries at each size; then the naive replay
// at each size, bounded by the recorded time the size was reached (after the ingest, so that the events it loads do
// not count in the ingest's memory).
var clock = SystemClock.Instance;
await using (var ledger = Ledger.Connect(connectionString, new LedgerStoreSettings { Schema = "bench_api" }, clock))
{
    await ledger.MigrateAsync();
    using var documents = SyntheticHistory.Generate(history).GetEnumerator();
    var appended = 0;
    var ingestTime = TimeSpan.Zero;
    var firstRecorded = clock.GetCurrentInstant();
    var reached = new Dictionary<int, Instant>();
    foreach (var size in settings.Sizes)
    {
        // The memory of the ingest alone: each step is sampled apart from the queries measured between steps.
        using (var memory = new MemorySampler())
        {
            watch.Restart();
            var report = await ledger.AppendManyAsync(Take(documents, size - appended), batchFacts: 1000);
            ingestTime += watch.Elapsed;
            appended += report.FactsAppended;
            results.IngestPeakBytes = Math.Max(results.IngestPeakBytes, memory.PeakBytes);
            Console.WriteLine($"ingested {appended:N0} events ({report.FactsAppended / watch.Elapsed.TotalSeconds:N0}/s for this step); working set {memory.StartBytes >> 20} MB at the start of the step (managed heap {memory.StartHeapBytes >> 20} MB), {memory.PeakBytes >> 20} MB at most");
        }

        reached[size] = clock.GetCurrentInstant();

        // The ingest's writes flushed first: a checkpoint the ingest set off would otherwise write out its dirty pages
        // while the queries run, on the same two cores and disk (at a million facts the ingest fills the WAL every 20 s).
        await using (var checkpoint = new NpgsqlConnection(connectionString))
        {
            await checkpoint.OpenAsync();
            await using var command = new NpgsqlCommand("checkpoint", checkpoint);
            await command.ExecuteNonQueryAsync();
        }

        await MeasureQueriesAsync(ledger, size, firstRecorded, reached[size], reached[settings.Sizes[0]]);
    }

    results.ApiPerSecond = appended / ingestTime.TotalSeconds;
    foreach (var size in settings.Sizes)
    {
        await MeasureNaiveAsync(ledger, size, firstRecorded, reached[size]);
    }

    // 5. A full rebuild of every projection from the events.
    watch.Restart();
    await ledger.RebuildProjectionsAsync();
    results.RebuildPerSecond = appended / watch.Elapsed.TotalSeconds;
    Console.WriteLine($"rebuilt the projections from {appended:N0} events in {watch.Elapsed.TotalSeconds:0.0} s");
}

// 1. The physical limit: the same events, serialized as the store serializes them, written with binary COPY into a
// plain table.
await using (var dataSource = NpgsqlDataSource.Create(connectionString))
{
    using var plainStore = StoreFactory.Create(dataSource, new LedgerStoreSettings());
    var serializer = plainStore.Options.Serializer();
    await using (var create = dataSource.CreateCommand("create table raw_events (id uuid primary key, stream_id uuid not null, version int not null, type text not null, data jsonb not null, recorded timestamptz not null)"))
    {
        await create.ExecuteNonQueryAsync();
    }

    // The rebuild's writes flushed first, as before the queries: a checkpoint it set off would write its pages out
    // while the COPY runs, and halve its rate.
    await using (var checkpoint = dataSource.CreateCommand("checkpoint"))
    {
        await checkpoint.ExecuteNonQueryAsync();
    }

    watch.Restart();
    await using var connection = await dataSource.OpenConnectionAsync();
    await using (var copy = await connection.BeginBinaryImportAsync("copy raw_events (id, stream_id, version, type, data, recorded) from stdin (format binary)"))
    {
        foreach (var document in SyntheticHistory.Generate(history))
        {
            var stream = FactIds.ForDocument(document.Document.Key);
            var version = 0;
            foreach (var fact in document.Facts)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(fact.FactId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(stream, NpgsqlDbType.Uuid);
                await copy.WriteAsync(++version, NpgsqlDbType.Integer);
                await copy.WriteAsync(FactCatalog.NameOf(fact), NpgsqlDbType.Text);
                await copy.WriteAsync(serializer.ToJson(fact), NpgsqlDbType.Jsonb);
                await copy.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
            }
        }

        await copy.CompleteAsync();
    }

    results.CopyPerSecond = generated / watch.Elapsed.TotalSeconds;
    Console.WriteLine($"raw binary COPY of {generated:N0} events: {results.CopyPerSecond:N0}/s");

    // 1, what bounds (2) and (5): the rows the ledger keeps besides each event (its fact-index row, its document's
    // text, its read rows), serialized as the store serializes them and written with binary COPY into a
    // plain table without indexes, with the events and alone. A COPY into a table without indexes goes at the same
    // rate whatever the size, so the first 200,000 facts of the history stand for all of it.
    await using (var create = dataSource.CreateCommand("create table raw_kept (id uuid not null, kind text not null, data jsonb not null)"))
    {
        await create.ExecuteNonQueryAsync();
    }

    var sample = new SyntheticHistoryOptions(Math.Min(settings.MaxFacts, 200_000), settings.Seed);
    var kept = Kept.Measure(SyntheticHistory.Generate(sample), serializer);
    results.KeptSample = sample.Facts;
    results.KeptBytesPerEvent = kept.BytesPerEvent;
    results.EventBytesPerEvent = kept.EventBytesPerEvent;
    watch.Restart();
    await Kept.CopyAsync(connection, SyntheticHistory.Generate(sample), serializer, withEvents: true);
    results.CopyKeptPerSecond = sample.Facts / watch.Elapsed.TotalSeconds;
    watch.Restart();
    await Kept.CopyAsync(connection, SyntheticHistory.Generate(sample), serializer, withEvents: false, projectionsOnly: true);
    results.CopyProjectionsPerSecond = sample.Facts / watch.Elapsed.TotalSeconds;
    Console.WriteLine($"raw binary COPY of the events and all the ledger keeps for them: {results.CopyKeptPerSecond:N0} events/s; of the read rows alone: {results.CopyProjectionsPerSecond:N0} events/s");
}

// 1, what bounds (2) and (5) with what they must do: the same sample's rows, built beforehand, written by
// Marten's bulk paths and the read rows by COPY into the ledger's own tables: everything with the indexes current, as
// ingest must keep them; the read rows alone with their indexes set aside as a rebuild writes them, then the indexes
// built.
var limitSample = new SyntheticHistoryOptions(results.KeptSample, settings.Seed);
results.KeptWriteSeconds = (await WriteLimits.IngestAsync(connectionString, limitSample)).TotalSeconds;
var (entryWriting, entryIndexing) = await WriteLimits.RebuildAsync(connectionString, limitSample);
results.EntryWriteSeconds = entryWriting.TotalSeconds;
results.EntryIndexSeconds = entryIndexing.TotalSeconds;
Console.WriteLine($"the rows of {results.KeptSample:N0} facts written by Marten's bulk paths with the indexes current in {results.KeptWriteSeconds:0.0} s; their read rows with the indexes aside in {entryWriting.TotalSeconds:0.0} s, the indexes then built in {entryIndexing.TotalSeconds:0.0} s");

// 2, beside it. Marten's own COPY-based bulk event append of the same events (no projections, no index of facts).
await using (var bulk = Ledger.Connect(connectionString, new LedgerStoreSettings { Schema = "bench_bulk" }))
{
    await bulk.MigrateAsync();
    var store = (DocumentStore)bulk.Store;
    var registry = (IEventRegistry)store.Options.Events;
    watch.Restart();
    var actions = new List<StreamAction>();
    foreach (var document in SyntheticHistory.Generate(history))
    {
        actions.Add(StreamAction.Start(registry, FactIds.ForDocument(document.Document.Key), document.Facts.Cast<object>().ToArray()));
        if (actions.Count == 500)
        {
            await store.BulkInsertEventsAsync(actions, 1000);
            actions.Clear();
        }
    }

    if (actions.Count > 0)
    {
        await store.BulkInsertEventsAsync(actions, 1000);
    }

    results.MartenBulkPerSecond = generated / watch.Elapsed.TotalSeconds;
    Console.WriteLine($"Marten BulkInsertEventsAsync of {generated:N0} events: {results.MartenBulkPerSecond:N0}/s");
}

results.Print(Console.Out);
await File.WriteAllTextAsync(settings.Output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"Results written to {Path.GetFullPath(settings.Output)}");
return 0;

async Task MeasureQueriesAsync(Ledger ledger, int size, Instant firstRecorded, Instant lastRecorded, Instant firstSizeReached)
{
    // The same questions at the same effective and known dates at every size, and at the same fraction of the
    // recorded history, so that the growth from one size to the next compares like with like.
    var random = new Random(settings.Seed + 1);
    var donors = new Latencies();
    var claims = new Latencies();
    var agreements = new Latencies();
    var whole = new Latencies();
    var naive = new Latencies();
    var rows = new AnswerSizes();
    var span = (lastRecorded - firstRecorded).TotalTicks;
    AsOf RandomAsOf() => new()
    {
        Effective = new LocalDate(1995, 1, 1).PlusDays(random.Next(31 * 365)),
        KnownOn = new LocalDate(1995, 1, 1).PlusDays(random.Next(31 * 365)),
        RecordedAt = firstRecorded + Duration.FromTicks((long)(span * random.NextDouble())),
    };

    // Warm up, unmeasured: as many rounds of each question, at other points, so that the first size is not measured
    // while the runtime still compiles the queries' code (tiered compilation rewrites a method after 30 calls).
    var warmUp = new Random(settings.Seed + size + 2);
    for (var i = 0; i < settings.Queries; i++)
    {
        var at = new AsOf { KnownOn = new LocalDate(1995, 1, 1).PlusDays(warmUp.Next(31 * 365)) };
        var (party, other) = questions.Parties[warmUp.Next(questions.Parties.Count)];
        await ledger.GetDonorTotalsAsync(at, questions.Donations[warmUp.Next(questions.Donations.Count)]);
        await ledger.GetClaimedStatisticsAsync(at, new ClaimFilter(Matter: questions.Matters[warmUp.Next(questions.Matters.Count)]));
        await ledger.GetAgreementsAsync(at, party, other);
    }

    for (var i = 0; i < settings.Queries; i++)
    {
        var donation = questions.Donations[random.Next(questions.Donations.Count)];
        var matter = questions.Matters[random.Next(questions.Matters.Count)];
        var (party, other) = questions.Parties[random.Next(questions.Parties.Count)];
        donors.Add(await TimeAsync(async () => rows.Donations += (await ledger.GetDonorTotalsAsync(RandomAsOf(), donation)).Totals.Sum(total => total.Donations)));
        claims.Add(await TimeAsync(async () => rows.Claims += (await ledger.GetClaimedStatisticsAsync(RandomAsOf(), new ClaimFilter(Matter: matter))).Claims.Count));
        agreements.Add(await TimeAsync(async () => rows.Agreements += (await ledger.GetAgreementsAsync(RandomAsOf(), party, other)).Count));
    }

    // The whole ledger in one listing: every donor, recipient and currency, each total naming its facts, streamed; its
    // size grows with the history. Beside it at each point, its peer: the same grouping of the same rows of the read
    // table (by donor, recipient, currency and stage, within the point's bounds, revisions aside) written by hand in SQL;
    // the listing's sources, each fact's citation once, streamed apart; and the report's summary.
    var wholeSql = new Latencies();
    var wholeSources = new Latencies();
    var wholeClaims = new Latencies();
    var wholeClaimsSql = new Latencies();
    var claimsPerListing = 0;
    string? claimsFailure = null;
    var summaries = new Latencies();
    var factTable = $"{ledger.Store.Options.Events.DatabaseSchemaName}.ledger_facts";
    var duckDb = new Latencies();
    var points = Enumerable.Range(0, Math.Min(settings.Queries, 5)).Select(_ => RandomAsOf()).ToArray();

    // Each of the ledger's whole-ledger questions has its memory measured apart, and before DuckDB holds its copy of
    // the rows in this process, so that each peak is that question's own.
    long wholePeak, claimsPeak, summaryPeak;
    var sourcesPerListing = 0;
    using (var memory = new MemorySampler())
    {
        foreach (var point in points)
        {
            DonorTotalsListing? listing = null;
            whole.Add(await TimeAsync(async () =>
            {
                listing = await ledger.ListDonorTotalsAsync(point);
                await foreach (var _ in listing.ReadTotalsAsync())
                {
                    rows.WholeTotals++;
                }
            }));
            wholeSources.Add(await TimeAsync(async () =>
            {
                await foreach (var _ in listing!.ReadSourcesAsync())
                {
                    sourcesPerListing++;
                }
            }));
            wholeSql.Add(await TimeAsync(() => HandWrittenTotalsAsync(connectionString, factTable, point)));
        }

        wholePeak = memory.PeakBytes;
    }

    using (var memory = new MemorySampler())
    {
        foreach (var point in points)
        {
            // A listing that fails (a statement past the command timeout) is reported and leaves its row unmeasured,
            // rather than ending the run before the measurements after it.
            if (claimsFailure is not null)
            {
                break;
            }

            try
            {
                wholeClaims.Add(await TimeAsync(async () =>
                {
                    await foreach (var _ in (await ledger.ListClaimedStatisticsAsync(point)).ReadClaimsAsync())
                    {
                        claimsPerListing++;
                    }
                }));
                wholeClaimsSql.Add(await TimeAsync(() => HandWrittenClaimsAsync(connectionString, factTable, point)));
            }
            catch (LedgerUnavailableException failure)
            {
                claimsFailure = failure.Message;
                Console.WriteLine($"  at {size:N0}: the whole-ledger claims listing failed, and is not measured at this size: {failure.Message}");
            }
        }

        claimsPeak = memory.PeakBytes;
    }

    using (var memory = new MemorySampler())
    {
        foreach (var point in points)
        {
            summaries.Add(await TimeAsync(() => ledger.GetSummaryAsync(point)));
        }

        summaryPeak = memory.PeakBytes;
    }

    using (var duck = await DuckPeer.LoadAsync(connectionString, factTable))
    {
        foreach (var point in points)
        {
            duckDb.Add(await TimeAsync(() => duck.TotalsAsync(point)));
        }
    }

    // The same questions at the same points at every size, recorded by the time the first size was reached: their
    // answers are the same at every size, so that what their cost grows with is the length of the history alone.
    var same = new Random(settings.Seed);
    var earlySpan = (firstSizeReached - firstRecorded).TotalTicks;
    var sameDonors = new Latencies();
    var sameClaims = new Latencies();
    var sameAgreements = new Latencies();
    var sameItems = 0;
    for (var i = 0; i < settings.Queries; i++)
    {
        var asOf = new AsOf
        {
            Effective = new LocalDate(1995, 1, 1).PlusDays(same.Next(31 * 365)),
            KnownOn = new LocalDate(1995, 1, 1).PlusDays(same.Next(31 * 365)),
            RecordedAt = firstRecorded + Duration.FromTicks((long)(earlySpan * same.NextDouble())),
        };
        var donation = questions.Donations[same.Next(questions.Donations.Count)];
        var matter = questions.Matters[same.Next(questions.Matters.Count)];
        var (party, other) = questions.Parties[same.Next(questions.Parties.Count)];
        sameDonors.Add(await TimeAsync(async () => sameItems += (await ledger.GetDonorTotalsAsync(asOf, donation)).Totals.Sum(total => total.Donations)));
        sameClaims.Add(await TimeAsync(async () => sameItems += (await ledger.GetClaimedStatisticsAsync(asOf, new ClaimFilter(Matter: matter))).Claims.Count));
        sameAgreements.Add(await TimeAsync(async () => sameItems += (await ledger.GetAgreementsAsync(asOf, party, other)).Count));
    }

    var queries = (double)settings.Queries;
    results.Queries[size] = new QueryResults(
        donors.Median, donors.P95, claims.Median, claims.P95, agreements.Median, agreements.P95, whole.Median, double.NaN, 0,
        rows.Donations / queries, rows.Claims / queries, rows.Agreements / queries, rows.WholeTotals / (double)whole.Count,
        sameDonors.Median, sameClaims.Median, sameAgreements.Median, sameItems, wholeSql.Median, summaries.Median, wholePeak, duckDb.Median, summaryPeak, wholeSources.Median, sourcesPerListing / (double)points.Length,
        claimsFailure is null ? wholeClaims.Median : double.NaN, claimsFailure is null ? wholeClaimsSql.Median : double.NaN, claimsPerListing / (double)points.Length, claimsPeak);
    Console.WriteLine($"  at {size:N0}: donors median {donors.Median:0.0} ms, claims {claims.Median:0.0} ms, agreements {agreements.Median:0.0} ms, whole-ledger totals {whole.Median:0} ms (hand-written SQL {wholeSql.Median:0} ms, DuckDB {duckDb.Median:0} ms), their sources {wholeSources.Median:0} ms, whole-ledger claims {wholeClaims.Median:0} ms (hand-written SQL {wholeClaimsSql.Median:0} ms), summary {summaries.Median:0} ms");
    Console.WriteLine($"  at {size:N0}, the same {sameItems:N0} items answered as at the first size: donors median {sameDonors.Median:0.0} ms, claims {sameClaims.Median:0.0} ms, agreements {sameAgreements.Median:0.0} ms");
}

async Task MeasureNaiveAsync(Ledger ledger, int size, Instant firstRecorded, Instant lastRecorded)
{
    var random = new Random(settings.Seed + size + 1);
    var naive = new Latencies();
    var span = (lastRecorded - firstRecorded).TotalTicks;
    var runs = size >= 1_000_000 ? 2 : 5;
    var answers = 0;
    for (var i = 0; i < runs; i++)
    {
        var asOf = new AsOf
        {
            Effective = new LocalDate(1995, 1, 1).PlusDays(random.Next(31 * 365)),
            KnownOn = new LocalDate(1995, 1, 1).PlusDays(random.Next(31 * 365)),
            RecordedAt = firstRecorded + Duration.FromTicks((long)(span * random.NextDouble())),
        };
        var donation = questions.Donations[random.Next(questions.Donations.Count)];
        naive.Add(await TimeAsync(async () =>
        {
            await using var session = ledger.Store.QuerySession();
            var limit = asOf.RecordedAt!.Value.ToDateTimeOffset();
            var events = await session.Events.QueryAllRawEvents().Where(e => e.Timestamp <= limit).OrderBy(e => e.Sequence).ToListAsync();
            var replay = EntryFold.Fold(events.Select(e => (e.Data, Instant.FromDateTimeOffset(e.Timestamp))));
            answers += DonorTotalsAnswer.From(replay.Donations, asOf, donation, replay.Actors, replay.Citations).Totals.Count;
        }));
    }

    results.Queries[size] = results.Queries[size] with { NaiveMedian = naive.Median, NaiveRuns = naive.Count };
    Console.WriteLine($"  naive replay at {size:N0}: median {naive.Median:0} ms");
}

// The peer of the whole-ledger donor totals: the grouping and sums done by PostgreSQL over the donation rows the ledger
// keeps, within the point's bounds (under "certainly"), every row read to the client as the ledger reads its answer.
static async Task HandWrittenTotalsAsync(string connectionString, string table, AsOf point)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var sql = string.Create(CultureInfo.InvariantCulture, $"""
        select f.donor_id, f.recipient_id, f.currency, f.stage, count(*), sum(f.amount)
        from {table} f
        where f.amount is not null and f.effective_to <= {DayNumber.Of(point.Effective!.Value)} and f.known_to <= {DayNumber.Of(point.KnownOn!.Value)}
          and f.recorded_us <= {InstantNumber.Microseconds(point.RecordedAt!.Value)}
        group by 1, 2, 3, 4
        """);
    await using var command = new NpgsqlCommand(sql, connection);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        _ = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetDecimal(5));
    }
}

// The claims' peer reads the same claim rows within the point's bounds, revisions aside, in the listing's order, with
// what a claim shows as text.
static async Task HandWrittenClaimsAsync(string connectionString, string table, AsOf point)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var sql = string.Create(CultureInfo.InvariantCulture, $"""
        select f.id, f.key, f.metric, f.matter, f.shown::text
        from {table} f
        where f.metric is not null and f.effective_to <= {DayNumber.Of(point.Effective!.Value)} and f.known_to <= {DayNumber.Of(point.KnownOn!.Value)}
          and f.recorded_us <= {InstantNumber.Microseconds(point.RecordedAt!.Value)}
        order by f.metric collate "C", f.period_from nulls first, f.key collate "C"
        """);
    await using var command = new NpgsqlCommand(sql, connection);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        _ = (reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4));
    }
}

static async Task<TimeSpan> TimeAsync(Func<Task> query)
{
    var started = Stopwatch.GetTimestamp();
    await query();
    return Stopwatch.GetElapsedTime(started);
}

static async IAsyncEnumerable<DocumentFacts> Take(IEnumerator<DocumentFacts> documents, int facts)
{
    var taken = 0;
    while (taken < facts && documents.MoveNext())
    {
        taken += documents.Current.Facts.Count;
        yield return documents.Current;
    }

    await Task.CompletedTask;
}
