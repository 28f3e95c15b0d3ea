using CooperationLedger.Resolution;
using CooperationLedger.Storage;

namespace CooperationLedger.Tests.Support;

/// <summary>Every fact of a view as the ledger's questions read it: its entry built from its read row and its events.</summary>
internal static class StoredEntries
{
    public static async Task<List<TEntry>> AllAsync<TEntry>(Ledger ledger, EntryShape<TEntry> shape)
        where TEntry : LedgerEntry
    {
        await using var session = ledger.Store.QuerySession();
        return await FactSelection.All.LoadAsync(session, shape, CancellationToken.None);
    }

    public static async Task<TEntry?> OneAsync<TEntry>(Ledger ledger, EntryShape<TEntry> shape, Guid id)
        where TEntry : LedgerEntry
    {
        await using var session = ledger.Store.QuerySession();
        return (await FactSelection.All.Where("f.id = ?", id).LoadAsync(session, shape, CancellationToken.None)).SingleOrDefault();
    }
}
