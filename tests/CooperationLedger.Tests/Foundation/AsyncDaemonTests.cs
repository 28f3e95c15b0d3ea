using CooperationLedger.Storage;
using CooperationLedger.Tests.Support;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Marten.Events.Aggregation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CooperationLedger.Tests.Foundation;

/// <summary>
/// The patched lock package is enough for Marten's async daemon in <see cref="DaemonMode.Solo"/>: an async projection is
/// built in the real database by the hosted daemon.
/// </summary>
public sealed class AsyncDaemonTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_solo_async_daemon_builds_an_async_projection()
    {
        var builder = Host.CreateApplicationBuilder();
        var dataSource = StoreFactory.BuildDataSource(database.ConnectionString);
        builder.Services.AddMarten(options =>
            {
                options.Connection(dataSource);
                StoreFactory.ConfigureBasics(options, new LedgerStoreSettings { Schema = "daemon" });
                options.Projections.Add(new QuoteTallyProjection(), ProjectionLifecycle.Async);
            })
            .AddAsyncDaemon(DaemonMode.Solo);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var store = host.Services.GetRequiredService<IDocumentStore>();
            var documentId = Guid.NewGuid();
            await using (var session = store.LightweightSession())
            {
                session.Events.StartStream(documentId, new QuoteRecorded("Kabar, November 22"), new QuoteRecorded("Kyrgyz Television 1, November 21"));
                await session.SaveChangesAsync();
            }

            await host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

            await using var query = store.QuerySession();
            var tally = await query.LoadAsync<QuoteTally>(documentId);
            tally.Should().NotBeNull("the async daemon ran the projection");
            tally!.Outlets.Should().Equal("Kabar, November 22", "Kyrgyz Television 1, November 21");
        }
        finally
        {
            await host.StopAsync();
            await dataSource.DisposeAsync();
        }
    }
}

public sealed record QuoteRecorded(string Outlet);

public sealed record QuoteTally(Guid Id, IReadOnlyList<string> Outlets);

public sealed class QuoteTallyProjection : SingleStreamProjection<QuoteTally, Guid>
{
    public override QuoteTally? Evolve(QuoteTally? snapshot, Guid id, IEvent e) => e.Data switch
    {
        QuoteRecorded recorded => (snapshot ?? new QuoteTally(id, [])) with { Outlets = [.. snapshot?.Outlets ?? [], recorded.Outlet] },
        _ => snapshot,
    };
}
