using System.Runtime.CompilerServices;
using CooperationLedger.Resolution;
using Marten;
using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>
/// Reads the rows of one plain SQL query on a connection of the session's database, for reads that Marten's queries
/// would materialize at greater cost (see <see cref="EventLog"/> and <see cref="CitationLookup"/>).
/// </summary>
internal static class SqlRows
{
    /// <summary>
    /// Runs <paramref name="sql"/> with positional parameters (<c>$1</c>, <c>$2</c>, ...) and yields the reader at each
    /// row in turn: read the row's columns before asking for the next. A <paramref name="setting"/> (a <c>set</c>
    /// statement) is run first on the same connection, which the pool resets when it is returned.
    /// </summary>
    public static async IAsyncEnumerable<NpgsqlDataReader> ReadAsync(IQuerySession session, string sql, IEnumerable<object> parameters, [EnumeratorCancellation] CancellationToken cancellationToken, string? setting = null)
    {
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (setting is not null)
        {
            await using var set = new NpgsqlCommand(setting, connection);
            await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader;
        }
    }

    /// <summary>
    /// Reads the JSON column <paramref name="index"/> of the row with the store's serializer, its stream closed after,
    /// so that a row's next JSON column can be read (a reader holds one column's stream open at a time).
    /// </summary>
    public static T Json<T>(this NpgsqlDataReader row, ISerializer serializer, int index)
    {
        using var stream = row.GetStream(index);
        return serializer.FromJson<T>(stream);
    }
}
