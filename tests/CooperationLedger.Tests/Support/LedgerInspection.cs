using Marten;
using Npgsql;

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

    /// <summary>Runs a query that returns one value, on a connection of its own, with its parameters in order (<c>$1</c>, <c>$2</c>…).</summary>
    public static async Task<object?> ScalarAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteScalarAsync();
    }

    /// <summary>Gets a memory setting of the running server (such as <c>shared_buffers</c>), in megabytes.</summary>
    public static async Task<long> SettingMegabytesAsync(string connectionString, string setting) =>
        (long)(await ScalarAsync(connectionString, "select setting::bigint * pg_size_bytes(unit) / (1024 * 1024) from pg_settings where name = $1", setting))!;
}
