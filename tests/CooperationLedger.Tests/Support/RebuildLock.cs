using Npgsql;

namespace CooperationLedger.Tests.Support;

/// <summary>Sees from outside that a rebuild is under way: its transaction holds the entry tables, which it emptied.</summary>
public static class RebuildLock
{
    /// <summary>Waits until a transaction holds the timeline entries' table exclusively, or <paramref name="until"/> ends first.</summary>
    /// <returns>Whether the lock was seen.</returns>
    public static async Task<bool> WaitUntilHeldAsync(string connectionString, string schema, Task? until = null, int timeoutSeconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select exists (select 1 from pg_locks l join pg_class c on c.oid = l.relation join pg_namespace n on n.oid = c.relnamespace
                           where n.nspname = $1 and c.relname = 'ledger_facts' and l.mode = 'AccessExclusiveLock' and l.granted)
            """,
            connection)
        {
            Parameters = { new NpgsqlParameter { Value = schema } },
        };
        while (DateTime.UtcNow < deadline && until?.IsCompleted != true)
        {
            if ((bool)(await command.ExecuteScalarAsync())!)
            {
                return true;
            }

            await Task.Delay(10);
        }

        return false;
    }
}
