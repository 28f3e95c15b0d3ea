using Npgsql;

namespace CooperationLedger.Tests.Support;

/// <summary>
/// The plan PostgreSQL chooses for a statement when sequential scans are off: on tables as small as the tests', the
/// planner would scan them whole of its own accord, so this shows which indexes a statement can use.
/// </summary>
public static class QueryPlan
{
    public static async Task<IReadOnlyList<string>> WithoutSequentialScansAsync(string connectionString, string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("set enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("explain " + sql, connection);
        explain.Parameters.AddRange(parameters);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        return plan;
    }
}
