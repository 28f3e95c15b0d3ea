using CooperationLedger.Hosting;
using CooperationLedger.Tests.Support;
using CooperationLedger.Time;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CooperationLedger.Tests.Packaging;

public sealed class DependencyInjectionTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Without_marten_the_ledger_registers_its_own_store_and_uses_the_applications_clock()
    {
        var clock = new FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0));
        var services = new ServiceCollection().AddSingleton<IClock>(clock).AddLogging();
        services.AddCooperationLedger(options =>
        {
            options.ConnectionString = database.ConnectionString;
            options.Schema = "di_own_store";
        });
        await using var provider = services.BuildServiceProvider();

        var ledger = provider.GetRequiredService<Ledger>();
        await ledger.IngestAsync([Seeds.FactFile("edm-2007-v4-i101")]);

        (await ledger.GetTimelineAsync(new AsOf { RecordedAt = clock.GetCurrentInstant() }, "PK")).Should().NotBeEmpty("recorded times come from the application's clock");
        (await ledger.GetTimelineAsync(new AsOf { RecordedAt = clock.GetCurrentInstant() - Duration.FromSeconds(1) }, "PK")).Should().BeEmpty();
        provider.GetRequiredService<IDocumentStore>().Options.DatabaseSchemaName.Should().Be("di_own_store");
    }

    [Fact]
    public async Task The_data_source_of_the_ledgers_own_store_is_released_with_the_container()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCooperationLedger(options =>
        {
            options.ConnectionString = database.ConnectionString;
            options.Schema = "di_own_store";
        });
        var provider = services.BuildServiceProvider();
        var dataSource = provider.GetRequiredService<LedgerDataSource>().Source;
        await provider.GetRequiredService<Ledger>().GetAgreementsAsync(AsOf.Now);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            connection.State.Should().Be(System.Data.ConnectionState.Open);
        }

        await provider.DisposeAsync();

        var open = async () => await dataSource.OpenConnectionAsync();
        await open.Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task With_marten_already_configured_the_ledger_joins_that_store()
    {
        var services = new ServiceCollection().AddLogging();
        var dataSource = StoreFactory.BuildDataSource(database.ConnectionString);
        services.AddMarten(options =>
        {
            options.Connection(dataSource);
            options.DatabaseSchemaName = "di_app_store";
            options.Events.DatabaseSchemaName = "di_app_store";
            StoreFactory.ConfigureBasics(options, new LedgerStoreSettings { Schema = "di_app_store" });
            options.AddCooperationLedger();
        });
        services.AddCooperationLedger();
        await using var provider = services.BuildServiceProvider();

        var ledger = provider.GetRequiredService<Ledger>();
        await ledger.IngestAsync([Seeds.FactFile("edm-2007-v4-i101")]);

        (await ledger.GetTimelineAsync(AsOf.Now, "PK")).Should().NotBeEmpty();
        services.Count(descriptor => descriptor.ServiceType == typeof(IDocumentStore)).Should().Be(1, "the application's store is not replaced");
        await dataSource.DisposeAsync();
    }

    [Theory]
    [InlineData(null, "cooperation_ledger", "needs LedgerOptions.ConnectionString")]
    [InlineData("Host=localhost;Nonsense Key=1", "cooperation_ledger", "ConnectionString cannot be read")]
    [InlineData("Host=localhost", "Bad Schema", "Schema is invalid")]
    public void Invalid_options_are_refused_at_startup_with_a_clear_message(string? connection, string schema, string message)
    {
        var act = () => new ServiceCollection().AddCooperationLedger(options =>
        {
            options.ConnectionString = connection;
            options.Schema = schema;
        });

        act.Should().Throw<ArgumentException>().WithMessage($"*{message}*");
    }
}
