using Marten;

namespace CooperationLedger.Tests.Support;

/// <summary>What tests read of a ledger's store directly.</summary>
public static class LedgerInspection
{
    /// <summary>Counts every event in the ledger's store.</summary>
    public static async Task<int> CountEventsAsync(this Ledger ledger)
    {
        await using var session = ledger.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
