using Marten;
using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>
/// Refreshes PostgreSQL's statistics of the read tables after a bulk append or a rebuild. The planner picks an index by how many
/// rows it expects; until autovacuum next samples a table that has just grown tenfold, it plans for the table as it was
/// and may read all of it for a question an index answers. A role that does not own the tables is skipped by PostgreSQL
/// with a warning, not an error.
/// </summary>
internal static class ReadTableStatistics
{
    public static async Task RefreshAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var tables = ReadTables.Names(store.Options.Events.DatabaseSchemaName).Select(table => table.QualifiedName);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var analyze = new NpgsqlCommand($"analyze {string.Join(", ", tables)}", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
