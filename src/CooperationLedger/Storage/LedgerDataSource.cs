using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>
/// The data source of a store the ledger registers for itself in an application's services. Marten does not dispose a
/// data source it is given, so the container owns it through this singleton and disposes it with the container; a
/// type of its own keeps it apart from any <see cref="NpgsqlDataSource"/> the application registers.
/// </summary>
internal sealed class LedgerDataSource(string connectionString) : IAsyncDisposable, IDisposable
{
    public NpgsqlDataSource Source { get; } = StoreFactory.BuildDataSource(connectionString);

    public ValueTask DisposeAsync() => Source.DisposeAsync();

    public void Dispose() => Source.Dispose();
}
