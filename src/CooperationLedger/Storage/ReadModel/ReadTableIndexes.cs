using Marten;
using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>
/// The secondary indexes of the read tables, set aside while a full rebuild writes every row and built again
/// afterwards from their own definitions: PostgreSQL builds an index over a filled table in one sorted pass, far cheaper
/// than maintaining it row by row (the actor-term GIN indexes, without a pending list, most of all). Primary keys stay,
/// so a row is never written twice. Dropped and built again on the rebuild's connection, in its transaction, they
/// are as they were if it fails: PostgreSQL's DDL is transactional.
/// </summary>
internal sealed class ReadTableIndexes
{
    private readonly IReadOnlyList<(string Schema, string Name, string Definition)> indexes;

    private ReadTableIndexes(IReadOnlyList<(string Schema, string Name, string Definition)> indexes) => this.indexes = indexes;

    /// <summary>Reads the definitions of the secondary indexes of the read tables, then drops those indexes, on <paramref name="connection"/>.</summary>
    public static async Task<ReadTableIndexes> SetAsideAsync(IDocumentStore store, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tables = ReadTables.Names(store.Options.Events.DatabaseSchemaName);
        var found = new List<(string Schema, string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            """
            select i.schemaname, i.indexname, i.indexdef
            from pg_indexes i
            join unnest($1::text[], $2::text[]) as t(schema_name, table_name) on i.schemaname = t.schema_name and i.tablename = t.table_name
            where not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.contype = 'p')
            """,
            connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = tables.Select(table => table.Schema).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = tables.Select(table => table.Name).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (schema, name, _) in found)
        {
            await using var drop = new NpgsqlCommand($"drop index if exists {Quote(schema)}.{Quote(name)}", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new ReadTableIndexes(found);
    }

    /// <summary>Builds the indexes set aside again, from their definitions as read, on <paramref name="connection"/>.</summary>
    public async Task RestoreAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (_, _, definition) in indexes)
        {
            await using var create = new NpgsqlCommand(definition.Replace(" INDEX ", " INDEX IF NOT EXISTS ", StringComparison.Ordinal), connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
