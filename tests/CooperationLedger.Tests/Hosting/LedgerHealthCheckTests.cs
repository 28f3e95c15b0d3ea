using CooperationLedger.Hosting;
using CooperationLedger.LocalCluster;
using CooperationLedger.Storage;
using CooperationLedger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CooperationLedger.Tests.Hosting;

/// <summary>
/// The ledger's health check, registered with <c>AddHealthChecks().AddCooperationLedger()</c>: healthy when the database
/// answers and holds the ledger's tables laid out for the store's tenancy; degraded, naming what is wrong, when tables
/// are missing or laid out for the other tenancy; unhealthy when the database does not answer; never with the password.
/// </summary>
public sealed class LedgerHealthCheckTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Password = "health-check-secret";

    [Fact]
    public async Task A_ledger_whose_tables_are_all_there_is_healthy()
    {
        await using var provider = Services(database.ConnectionString, "health_ok");
        await provider.GetRequiredService<Ledger>().IngestAsync([Seeds.FactFile("edm-2007-v4-i101")]);

        var entry = (await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["cooperation-ledger"];

        entry.Status.Should().Be(HealthStatus.Healthy, entry.Description);
        entry.Description.Should().Contain("health_ok").And.Contain($"database '{database.DatabaseName}'");
    }

    [Fact]
    public async Task A_ledger_never_migrated_is_degraded_and_every_missing_table_is_named()
    {
        await using var provider = Services(database.ConnectionString, "health_new");
        var expected = provider.GetRequiredService<Ledger>().Guard.ExpectedTables;

        var entry = (await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["cooperation-ledger"];

        entry.Status.Should().Be(HealthStatus.Degraded);
        entry.Description.Should().Contain("missing").And.Contain("MigrateAsync");
        expected.Should().NotBeEmpty().And.OnlyContain(table => entry.Description!.Contains(table));
    }

    [Fact]
    public async Task A_ledger_with_one_table_dropped_is_degraded_and_names_that_table_alone()
    {
        await using var provider = Services(database.ConnectionString, "health_part");
        var ledger = provider.GetRequiredService<Ledger>();
        await ledger.IngestAsync([Seeds.FactFile("edm-2007-v4-i101")]);
        var dropped = ledger.Guard.ExpectedTables[0];
        var kept = ledger.Guard.ExpectedTables[1];
        await LedgerInspection.ScalarAsync(database.ConnectionString, $"drop table {dropped} cascade");

        var entry = (await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["cooperation-ledger"];

        entry.Status.Should().Be(HealthStatus.Degraded);
        entry.Description.Should().Contain(dropped).And.NotContain(kept);
    }

    [Fact]
    public async Task A_ledger_whose_tables_are_laid_out_for_tenants_is_degraded_for_a_store_without_tenancy()
    {
        await using (var tenanted = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "health_tn", MultiTenant = true }))
        {
            await tenanted.ForTenant("a").IngestAsync([Seeds.FactFile("edm-2007-v4-i101")]);
        }

        await using var provider = Services(database.ConnectionString, "health_tn");
        var entry = (await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["cooperation-ledger"];

        entry.Status.Should().Be(HealthStatus.Degraded);
        entry.Description.Should().Contain("is multi-tenanted");
    }

    [Fact]
    public async Task A_database_that_does_not_answer_is_unhealthy_and_named_without_the_password()
    {
        await using var cluster = await LocalPostgresCluster.StartTemporaryAsync();
        var connection = new NpgsqlConnectionStringBuilder(await cluster.EnsureDatabaseAsync("health_down")) { Password = Password }.ConnectionString;
        await using var provider = Services(connection, "health_down");
        var check = provider.GetRequiredService<HealthCheckService>();
        (await check.CheckHealthAsync()).Entries["cooperation-ledger"].Status.Should().Be(HealthStatus.Degraded, "the server answers, and the ledger has no tables yet");
        NpgsqlConnection.ClearAllPools();
        await cluster.StopAsync();

        var entry = (await check.CheckHealthAsync()).Entries["cooperation-ledger"];

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain("database 'health_down'").And.Contain("does not answer").And.NotContain(Password);
        entry.Exception.Should().NotBeNull();
    }

    private static ServiceProvider Services(string connection, string schema)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCooperationLedger(options =>
        {
            options.ConnectionString = connection;
            options.Schema = schema;
        });
        services.AddHealthChecks().AddCooperationLedger();
        return services.BuildServiceProvider();
    }
}
