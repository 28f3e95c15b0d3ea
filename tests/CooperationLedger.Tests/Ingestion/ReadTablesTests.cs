using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using CooperationLedger.Storage;
using CooperationLedger.Synthetic;
using CooperationLedger.Tests.Support;
using CooperationLedger.Views;
using Marten;
using NodaTime;

namespace CooperationLedger.Tests.Ingestion;

/// <summary>
/// Given the seeds and the fixture articles that revise them, link their facts and dispute their figures, the read
/// tables hold a row per event, as the event alone says, whichever way it was written; the summary they add up equals
/// the naive fold's; and a ledger written before them asks for a rebuild, which fills them.
/// </summary>
public sealed class ReadTablesTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    private static readonly string[] Articles =
    [
        "brief-2010-truck-pledge", "brief-2010-minister-visit", "wire-2009-heroin-seizures", "brief-2009-heroin-seizures",
        "wire-2009-border-detentions", "brief-2009-border-detentions", "brief-2004-kits-closure", "wire-2007-dca-revision", "review-2007-dca-figures",
    ];

    /// <summary>The points the read tables' answers are checked at: known on a day, within an effective day, both, and neither.</summary>
    public static TheoryData<string?, string?, string> Points { get; } = new()
    {
        { "2011-12-31", null, "certainly" },
        { "2010-06-30", "2009-12-31", "certainly" },
        { null, "2012-06-30", "possibly" },
        { null, null, "possibly" },
    };

    private Ledger Ledger => fixture.Ledger;

    public async Task InitializeAsync()
    {
        if (await Ledger.CountEventsAsync() > 0)
        {
            return; // the class fixture's database already holds the story
        }

        fixture.Clock.AutoAdvance = Duration.FromMilliseconds(7);
        await Ledger.IngestAsync([Seeds.Facts]);
        foreach (var article in Articles)
        {
            await Ledger.IngestAsync([Fixtures.FactFile(article)]);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_event_appended_one_document_at_a_time_has_the_row_its_event_alone_gives()
    {
        var (facts, revisions) = await RowsAsync(Ledger, fixture.ConnectionString);
        var events = await EventsAsync(Ledger);

        facts.Should().BeEquivalentTo(Expected(Ledger, events).Facts);
        revisions.Should().BeEquivalentTo(Expected(Ledger, events).Revisions).And.NotBeEmpty("the wire retracts and corrects the seeds");
        facts.Should().Contain(row => !row.EndsWith("link_targets=", StringComparison.Ordinal), "the seeds link facts");
    }

    [Fact]
    public async Task The_bulk_path_and_the_rebuild_write_the_same_rows_as_the_append_of_each_event()
    {
        var bulk = new LedgerFixture();
        await bulk.InitializeAsync();
        try
        {
            bulk.Clock.AutoAdvance = Duration.FromMilliseconds(3);
            var report = await bulk.Ledger.AppendManyAsync(SyntheticHistory.GenerateAsync(new SyntheticHistoryOptions(Facts: 600, Seed: 5)), batchFacts: 150);
            report.FactsAppended.Should().Be(600);
            var events = await EventsAsync(bulk.Ledger);
            var copied = await RowsAsync(bulk.Ledger, bulk.ConnectionString);

            copied.Facts.Should().BeEquivalentTo(Expected(bulk.Ledger, events).Facts);
            copied.Revisions.Should().BeEquivalentTo(Expected(bulk.Ledger, events).Revisions).And.NotBeEmpty();

            await bulk.Ledger.RebuildProjectionsAsync(chunkEvents: 100, CancellationToken.None);
            (await RowsAsync(bulk.Ledger, bulk.ConnectionString)).Should().BeEquivalentTo(copied);
        }
        finally
        {
            await bulk.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Points))]
    public async Task The_summary_of_revised_linked_and_disputed_facts_equals_the_naive_fold(string? knownOn, string? effective, string rule)
    {
        var events = await EventsAsync(Ledger);
        var point = Point(knownOn, effective, rule);

        var summary = await Ledger.GetSummaryAsync(point, top: 3);

        summary.Facts.Should().BeGreaterThan(10);
        AnswerJson.Of(summary).Should().Be(AnswerJson.Of(Synthetic.SyntheticHistoryTests.SummaryOfFold(events.Select(e => (e.Data, e.RecordedAt)), point, top: 3)));
    }

    [Theory]
    [MemberData(nameof(Points))]
    public async Task The_donor_listing_of_revised_linked_and_disputed_donations_equals_the_naive_fold(string? knownOn, string? effective, string rule)
    {
        var events = await EventsAsync(Ledger);
        var point = Point(knownOn, effective, rule);
        var replay = EntryFold.Fold(events.Select(e => (e.Data, e.RecordedAt)));
        var expected = DonorTotalsAnswer.From(replay.Donations, point, DonationFilter.None, replay.Actors, replay.Citations);

        var listing = await Ledger.ListDonorTotalsAsync(point);

        await Synthetic.SyntheticHistoryTests.ListingShouldMatch(listing, expected);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public async Task The_claims_listing_of_revised_linked_and_disputed_claims_equals_the_naive_fold(string? knownOn, string? effective, string rule)
    {
        var events = await EventsAsync(Ledger);
        var point = Point(knownOn, effective, rule);
        var replay = EntryFold.Fold(events.Select(e => (e.Data, e.RecordedAt)));
        var expected = ClaimedStatisticsAnswer.From(replay.Claims, point, ClaimFilter.None, replay.Actors, replay.Citations);

        var listing = await Ledger.ListClaimedStatisticsAsync(point);

        await Synthetic.SyntheticHistoryTests.ClaimsListingShouldMatch(listing, expected);
    }

    [Fact]
    public async Task Rows_written_before_their_columns_were_filled_ask_for_a_rebuild_and_the_rebuild_fills_them()
    {
        var earlier = new LedgerFixture();
        await earlier.InitializeAsync();
        try
        {
            await earlier.Ledger.IngestAsync([Seeds.Facts]);
            var schema = earlier.Ledger.Store.Options.Events.DatabaseSchemaName;

            // The version before kept no recipient of a donation, and no claim as stated, in their rows.
            await LedgerInspection.ScalarAsync(earlier.ConnectionString, $"update {schema}.{ReadTables.Facts} set shown = null, period_from = null where metric is not null");
            await using var upgraded = Ledger.Connect(earlier.ConnectionString, new LedgerStoreSettings(), earlier.Clock);
            var claims = () => upgraded.ListClaimedStatisticsAsync(AsOf.Now);
            (await claims.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("ledger rebuild");

            await upgraded.RebuildProjectionsAsync();
            (await (await claims()).ReadClaimsAsync().CountAsync()).Should().Be((await upgraded.GetClaimedStatisticsAsync(AsOf.Now)).Claims.Count).And.BeGreaterThan(0);
            await LedgerInspection.ScalarAsync(earlier.ConnectionString, $"update {schema}.{ReadTables.Facts} set recipient = null where donor_id is not null");
            await using var again = Ledger.Connect(earlier.ConnectionString, new LedgerStoreSettings(), earlier.Clock);
            var donors = () => again.ListDonorTotalsAsync(AsOf.Now);
            (await donors.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("ledger rebuild");
        }
        finally
        {
            await earlier.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_ledger_written_before_the_read_tables_asks_for_a_rebuild_and_the_rebuild_fills_them()
    {
        var earlier = new LedgerFixture();
        await earlier.InitializeAsync();
        try
        {
            await earlier.Ledger.IngestAsync([Seeds.Facts]);
            var before = AnswerJson.Of(await earlier.Ledger.GetSummaryAsync(AsOf.Now with { RecordedAt = earlier.Clock.GetCurrentInstant() }));
            var schema = earlier.Ledger.Store.Options.Events.DatabaseSchemaName;

            // The version before kept no read tables: the ledger it wrote has the events and the entries alone.
            await LedgerInspection.ScalarAsync(earlier.ConnectionString, $"drop table {schema}.{ReadTables.Facts}, {schema}.{ReadTables.Revisions}");
            await using var upgraded = Ledger.Connect(earlier.ConnectionString, new LedgerStoreSettings(), earlier.Clock);

            var summary = () => upgraded.GetSummaryAsync(AsOf.Now with { RecordedAt = earlier.Clock.GetCurrentInstant() });
            (await summary.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("ledger rebuild").And.Contain("Nothing was changed");
            var listing = () => upgraded.ListDonorTotalsAsync(AsOf.Now);
            (await listing.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("ledger rebuild");
            var claims = () => upgraded.ListClaimedStatisticsAsync(AsOf.Now);
            (await claims.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("ledger rebuild");
            var point = () => upgraded.GetDonorTotalsAsync(AsOf.Now);
            (await point.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("ledger rebuild", "a point question reads the same rows");

            await upgraded.RebuildProjectionsAsync();
            AnswerJson.Of(await summary()).Should().Be(before);
            (await (await listing()).ReadTotalsAsync().CountAsync()).Should().Be((await upgraded.GetDonorTotalsAsync(AsOf.Now)).Totals.Count);
            (await (await claims()).ReadClaimsAsync().CountAsync()).Should().Be((await upgraded.GetClaimedStatisticsAsync(AsOf.Now)).Claims.Count);
        }
        finally
        {
            await earlier.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_ledger_whose_rows_were_lost_is_found_out_by_its_first_event_and_mended_by_a_rebuild()
    {
        var earlier = new LedgerFixture();
        await earlier.InitializeAsync();
        try
        {
            await earlier.Ledger.IngestAsync([Seeds.Facts]);
            var schema = earlier.Ledger.Store.Options.Events.DatabaseSchemaName;
            await LedgerInspection.ScalarAsync(earlier.ConnectionString, $"delete from {schema}.{ReadTables.Facts}");
            await using var reopened = Ledger.Connect(earlier.ConnectionString, new LedgerStoreSettings(), earlier.Clock);

            // An append after the loss writes its own rows, but the first event still has none.
            await reopened.IngestAsync([Fixtures.FactFile("brief-2010-truck-pledge")]);
            var summary = () => reopened.GetSummaryAsync(AsOf.Now);
            await summary.Should().ThrowAsync<InvalidOperationException>();

            await reopened.RebuildProjectionsAsync();
            (await summary()).Facts.Should().Be((await reopened.GetTimelineAsync(AsOf.Now)).Count);
        }
        finally
        {
            await earlier.DisposeAsync();
        }
    }

    /// <summary>Gets the point of a theory's row, recorded now.</summary>
    private AsOf Point(string? knownOn, string? effective, string rule) => new()
    {
        KnownOn = knownOn is null ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(knownOn).Value,
        Effective = effective is null ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(effective).Value,
        RecordedAt = fixture.Clock.GetCurrentInstant(),
        Rule = rule == "possibly" ? DateRule.Possibly : DateRule.Certainly,
    };

    /// <summary>Gets every event with its position and recorded time, as stored.</summary>
    private static async Task<IReadOnlyList<(object Data, Instant RecordedAt, StreamPosition Position)>> EventsAsync(Ledger ledger)
    {
        await using var session = ledger.Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        return events.Select(e => (e.Data, Instant.FromDateTimeOffset(e.Timestamp), new StreamPosition(e.StreamId, e.Version))).ToArray();
    }

    /// <summary>Gets the rows the events should have, each written as <see cref="RowsAsync"/> reads them.</summary>
    private static (string[] Facts, string[] Revisions) Expected(Ledger ledger, IEnumerable<(object Data, Instant RecordedAt, StreamPosition Position)> events)
    {
        var serializer = ledger.Store.Options.Serializer();
        var list = events.ToArray();
        return (
            [.. list.Where(e => e.Data is IReportedFact).Select(e => Text(ReadTables.FactColumns, FactRow.Of((IReportedFact)e.Data, e.RecordedAt, e.Position, serializer), serializer))],
            [.. list.Where(e => e.Data is IRevision).Select(e => Text(ReadTables.RevisionColumns, RevisionRow.Of((IRevision)e.Data, e.RecordedAt, e.Position), serializer))]);
    }

    private static string Text<TRow>(IReadOnlyList<ReadColumn<TRow>> columns, TRow row, ISerializer serializer) =>
        string.Join(";", columns.Select(column => $"{column.Name}={Value(column.Value(row), column.Name, column.PgType, serializer)}"));

    // A JSON column is read back into its type and written again, since PostgreSQL's jsonb keeps neither order nor spacing.
    private static string Value(object? value, string name, string type, ISerializer serializer) => value switch
    {
        null => string.Empty,
        Guid[] ids => string.Join(",", ids.Order()),
        decimal number => number.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture),
        string json when type == "jsonb" && name == "shown" => serializer.ToJson(serializer.FromJson<DonationShown>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))),
        string json when type == "jsonb" => serializer.ToJson(serializer.FromJson<Actor>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Reads both tables back, a row as text of its columns.</summary>
    private static async Task<(string[] Facts, string[] Revisions)> RowsAsync(Ledger ledger, string connectionString)
    {
        var (schema, serializer) = (ledger.Store.Options.Events.DatabaseSchemaName, ledger.Store.Options.Serializer());
        var facts = await ReadAsync(connectionString, schema, serializer, ReadTables.Facts, ReadTables.FactColumns.Select(column => (column.Name, column.PgType)).ToArray());
        var revisions = await ReadAsync(connectionString, schema, serializer, ReadTables.Revisions, ReadTables.RevisionColumns.Select(column => (column.Name, column.PgType)).ToArray());
        return (facts, revisions);
    }

    private static async Task<string[]> ReadAsync(string connectionString, string schema, ISerializer serializer, string table, (string Name, string Type)[] columns)
    {
        var rows = new List<string>();
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"select {string.Join(", ", columns.Select(column => column.Name))} from {schema}.{table}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(";", columns.Select((column, i) => $"{column.Name}={(reader.IsDBNull(i) ? string.Empty : Value(reader.GetValue(i), column.Name, column.Type, serializer))}")));
        }

        return [.. rows];
    }
}
