using CooperationLedger.Storage;
using CooperationLedger.Tests.Support;
using NodaTime;

namespace CooperationLedger.Tests.Foundation;

/// <summary>Marten restores, connects and stores a sourced event in the real database, with NodaTime round-tripping.</summary>
public sealed class MartenSmokeTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_sourced_event_is_appended_read_back_and_its_schema_objects_exist()
    {
        await using var dataSource = StoreFactory.BuildDataSource(database.ConnectionString);
        using var store = StoreFactory.Create(dataSource, new LedgerStoreSettings { Schema = "smoke" }, options =>
            options.Events.MapEventType<SmokeStatisticReported>("smoke_statistic_reported"));
        var streamId = Guid.NewGuid();
        var reported = new SmokeStatisticReported(
            "Eurasia Daily Monitor",
            new LocalDate(2006, 11, 22),
            "seizing 39.5% more narcotics than in the same period in 2005",
            39.5m);

        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream(streamId, reported);
            await session.SaveChangesAsync();
        }

        await using (var query = store.QuerySession())
        {
            var events = await query.Events.FetchStreamAsync(streamId);
            events.Should().ContainSingle().Which.Data.Should().Be(reported);
            events[0].EventTypeName.Should().Be("smoke_statistic_reported");
        }

        var tables = await SchemaTables.ListAsync(database.ConnectionString, "smoke");
        tables.Should().Contain(["mt_events", "mt_streams"]);
    }
}

public sealed record SmokeStatisticReported(string Publication, LocalDate PublishedOn, string Quote, decimal ChangePercent);
