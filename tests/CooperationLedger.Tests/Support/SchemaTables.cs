using Npgsql;

namespace CooperationLedger.Tests.Support;

/// <summary>Reads which tables a schema holds, to see what the store created.</summary>
public static class SchemaTables
{
    public static async Task<IReadOnlyList<string>> ListAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = $1", connection)
        {
            Parameters = { new() { Value = schema } },
        };
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
