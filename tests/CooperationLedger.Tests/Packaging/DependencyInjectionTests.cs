using CooperationLedger.Facts;
using CooperationLedger.Hosting;
using CooperationLedger.Storage;
using CooperationLedger.Tests.Support;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        services.AddMarten(options =>
        {
            options.Connection(database.ConnectionString);
            options.DatabaseSchemaName = "di_app_store";
            options.Events.DatabaseSchemaName = "di_app_store";
        });
        services.AddCooperationLedger();
        await using var provider = services.BuildServiceProvider();

        var ledger = provider.GetRequiredService<Ledger>();
        await ledger.IngestAsync([Seeds.FactFile("edm-2007-v4-i101")]);

        (await ledger.GetTimelineAsync(AsOf.Now, "PK")).Should().NotBeEmpty();
        services.Count(descriptor => descriptor.ServiceType == typeof(IDocumentStore)).Should().Be(1, "the application's store is not replaced");
    }

    [Fact]
    public async Task Options_are_bound_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CooperationLedger:ConnectionString"] = database.ConnectionString,
            ["CooperationLedger:Schema"] = "di_bound",
            ["CooperationLedger:AutoCreate"] = "CreateOrUpdate",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCooperationLedger(configuration.GetSection("CooperationLedger"));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<Ledger>().IngestAsync([Seeds.FactFile("edm-2007-v4-i101")]);

        provider.GetRequiredService<IDocumentStore>().Options.DatabaseSchemaName.Should().Be("di_bound");
        provider.GetRequiredService<IOptions<LedgerOptions>>().Value.Schema.Should().Be("di_bound");
    }

    [Theory]
    [InlineData(null, "cooperation_ledger", "needs LedgerOptions.ConnectionString")]
    [InlineData("Host=localhost;Nonsense Key=1", "cooperation_ledger", "ConnectionString cannot be read")]
    [InlineData("Host=localhost", "Bad Schema", "Schema is invalid")]
    public void Invalid_options_are_refused_when_the_ledger_is_resolved_with_a_clear_message(string? connection, string schema, string message)
    {
        var services = new ServiceCollection().AddLogging().AddCooperationLedger(options =>
        {
            options.ConnectionString = connection;
            options.Schema = schema;
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<Ledger>();

        act.Should().Throw<OptionsValidationException>().WithMessage($"*{message}*");
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_from_starting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCooperationLedger(options => options.Schema = "newsroom");
        using var host = builder.Build();

        var start = async () => await host.StartAsync();

        await start.Should().ThrowAsync<OptionsValidationException>().WithMessage("*needs LedgerOptions.ConnectionString*");
    }

    [Fact]
    public void A_joined_store_refuses_the_options_it_decides_itself_naming_each()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMarten(options => options.Connection(database.ConnectionString));
        services.AddCooperationLedger(options =>
        {
            options.Schema = "elsewhere";
            options.AutoCreate = JasperFx.AutoCreate.None;
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<Ledger>();

        act.Should().Throw<OptionsValidationException>()
            .WithMessage("*joins the application's Marten store*LedgerOptions.Schema (the store's StoreOptions.DatabaseSchemaName*LedgerOptions.AutoCreate*");
    }

    [Fact]
    public void Registering_the_ledger_before_marten_is_refused_rather_than_making_two_stores()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCooperationLedger(options => options.ConnectionString = database.ConnectionString);
        services.AddMarten(options => options.Connection(database.ConnectionString));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<Ledger>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*called before AddMarten*call AddMarten(...) first*");
    }

    [Fact]
    public async Task Registering_the_ledger_twice_registers_one_store_with_both_configurations()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCooperationLedger(options => options.ConnectionString = database.ConnectionString);
        services.AddCooperationLedger(options => options.Schema = "di_twice");
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<Ledger>().GetAgreementsAsync(AsOf.Now);

        services.Count(descriptor => descriptor.ServiceType == typeof(IDocumentStore)).Should().Be(1);
        provider.GetRequiredService<IDocumentStore>().Options.DatabaseSchemaName.Should().Be("di_twice");
    }
}
