using CooperationLedger.Storage;
using NodaTime;
using NodaTime.Testing;

namespace CooperationLedger.Tests.Support;

/// <summary>A ledger on its own empty database, with a fake clock so that recorded times are known to the test.</summary>
public sealed class LedgerFixture : IAsyncLifetime
{
    private readonly DatabaseFixture database = new();

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 1, 10, 9, 0));

    public Ledger Ledger { get; private set; } = null!;

    public string ConnectionString => database.ConnectionString;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        Ledger = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings(), Clock);
    }

    public async Task DisposeAsync()
    {
        await Ledger.DisposeAsync();
        await database.DisposeAsync();
    }
}
