using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>
/// The PostgreSQL advisory locks the writers take: a schema's, for as long as the session that changes its tables
/// (of the class "LDGS"); each in the transaction it guards, a batch's turn in a bulk append's line (exclusive on its
/// own number, shared on its predecessor's, of the class "LDGB"), and each fact a revision revises (a 64-bit key of
/// the fact's id), so that two writers never revise one fact at once.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>The first key of a schema's lock ("LDGS"), apart from the ledger's other locks.</summary>
    private const int SchemaClass = 0x4C444753;

    /// <summary>The first key of a batch's lock ("LDGB"), apart from the ledger's other locks.</summary>
    private const int BatchClass = 0x4C444742;

    /// <summary>Takes the lock of <paramref name="schema"/> until the connection closes, waiting for another session's.</summary>
    public static Task HoldSchemaAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken) =>
        RunAsync(connection, "select pg_advisory_lock($1, hashtext($2))", cancellationToken, SchemaClass, schema);

    /// <summary>Takes batch <paramref name="number"/>'s own lock until its transaction ends.</summary>
    public static Task HoldBatchAsync(NpgsqlConnection connection, int number, CancellationToken cancellationToken) =>
        RunAsync(connection, "select pg_advisory_xact_lock($1, $2)", cancellationToken, BatchClass, number);

    /// <summary>Waits until batch <paramref name="number"/>'s transaction has ended, holding its lock shared until this one's ends.</summary>
    public static Task AwaitBatchAsync(NpgsqlConnection connection, int number, CancellationToken cancellationToken) =>
        RunAsync(connection, "select pg_advisory_xact_lock_shared($1, $2)", cancellationToken, BatchClass, number);

    /// <summary>Takes the lock of the fact <paramref name="factId"/> until the transaction ends.</summary>
    public static Task HoldFactAsync(NpgsqlConnection connection, Guid factId, CancellationToken cancellationToken) =>
        RunAsync(connection, "select pg_advisory_xact_lock($1)", cancellationToken, BitConverter.ToInt64(factId.ToByteArray(), 0) ^ 0x4C45444745520000L);

    private static async Task RunAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] keys)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var key in keys)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = key });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
