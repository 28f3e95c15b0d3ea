using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Storage;
using CooperationLedger.Tests.Support;
using JasperFx;
using NodaTime;
using Npgsql;

namespace CooperationLedger.Tests.Hosting;

public sealed class StoreConfigurationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task With_auto_create_off_nothing_is_created_until_the_explicit_migration()
    {
        var settings = new LedgerStoreSettings { Schema = "production_like", AutoCreate = AutoCreate.None };
        await using var ledger = Ledger.Connect(database.ConnectionString, settings);

        var ingestBeforeMigration = () => ledger.IngestAsync([Seeds.FactFile("edm-2007-v4-i101")]);
        var askBeforeMigration = () => ledger.GetTimelineAsync(AsOf.Now);
        await ingestBeforeMigration.Should().ThrowAsync<LedgerSchemaException>().WithMessage("*tables do not exist in schema 'production_like'*call Ledger.MigrateAsync()*");
        await askBeforeMigration.Should().ThrowAsync<LedgerSchemaException>("an empty answer would hide that the ledger was never migrated");
        (await SchemaTables.ListAsync(database.ConnectionString, "production_like")).Should().BeEmpty();

        await ledger.MigrateAsync();
        var report = await ledger.IngestAsync([Seeds.FactFile("edm-2007-v4-i101")]);

        report.FactsAppended.Should().Be(7);
        (await SchemaTables.ListAsync(database.ConnectionString, "production_like")).Should().Contain(["mt_events", "mt_streams", "ledger_facts", "ledger_revisions", "mt_doc_factrecord"]);
    }

    [Fact]
    public async Task The_schema_name_is_configurable_and_two_schemas_do_not_see_each_other()
    {
        await using var first = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "newsroom_a" });
        await using var second = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "newsroom_b" });

        await first.IngestAsync([Seeds.FactFile("edm-2005-v2-i226")]);

        (await first.GetTimelineAsync(AsOf.Now)).Should().HaveCount(9);
        (await second.GetTimelineAsync(AsOf.Now)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("ledger; drop schema public")]
    [InlineData("1ledger")]
    [InlineData("")]
    public void A_schema_name_that_is_not_a_plain_identifier_is_refused(string schema)
    {
        var act = () => new LedgerStoreSettings { Schema = schema };
        act.Should().Throw<ArgumentException>().WithMessage("*not a valid schema name*");
    }

    [Theory]
    [InlineData("pg_catalog")]
    [InlineData("pg_toast")]
    [InlineData("pg_ledger")]
    [InlineData("information_schema")]
    public void A_schema_postgresql_keeps_for_itself_is_refused(string schema)
    {
        var act = () => new LedgerStoreSettings { Schema = schema };
        act.Should().Throw<ArgumentException>().WithMessage($"*'{schema}' is PostgreSQL's own*");
    }

    [Fact]
    public async Task NodaTime_types_round_trip_through_npgsql()
    {
        await using var dataSource = StoreFactory.BuildDataSource(database.ConnectionString);
        await using var command = dataSource.CreateCommand("select $1::date, $2::timestamptz");
        command.Parameters.Add(new NpgsqlParameter { Value = new LocalDate(2006, 11, 22) });
        command.Parameters.Add(new NpgsqlParameter { Value = Instant.FromUtc(2026, 1, 10, 9, 0) });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        reader.GetFieldValue<LocalDate>(0).Should().Be(new LocalDate(2006, 11, 22));
        reader.GetFieldValue<Instant>(1).Should().Be(Instant.FromUtc(2026, 1, 10, 9, 0));
    }

    [Fact]
    public async Task Statements_are_prepared_automatically_unless_the_connection_string_says_otherwise()
    {
        await using var preparing = StoreFactory.BuildDataSource(database.ConnectionString);
        await using var notPreparing = StoreFactory.BuildDataSource(database.ConnectionString + ";Max Auto Prepare=0");

        new NpgsqlConnectionStringBuilder(preparing.ConnectionString).MaxAutoPrepare.Should().Be(StoreFactory.DefaultMaxAutoPrepare);
        new NpgsqlConnectionStringBuilder(notPreparing.ConnectionString).MaxAutoPrepare.Should().Be(0);

        await using var connection = await preparing.OpenConnectionAsync();
        for (var i = 0; i < 3; i++)
        {
            await using var command = new NpgsqlCommand("select $1::int + 1", connection) { Parameters = { new NpgsqlParameter { Value = i } } };
            await command.ExecuteScalarAsync();
        }

        await using var prepared = new NpgsqlCommand("select count(*) from pg_prepared_statements where statement like 'select $1::int + 1%'", connection);
        (await prepared.ExecuteScalarAsync()).Should().Be(1L, "a statement used more than once is prepared on the connection");
    }
}
