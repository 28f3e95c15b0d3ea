using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using Marten;
using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>
/// Rebuilds the ledger's read tables from its events, all or nothing: the rows are emptied and written again in one
/// transaction on one connection, so a query sees the tables of before until the rebuild commits, and a rebuild that
/// fails, is cancelled or whose process is killed leaves them as they were. The events are read in the order recorded
/// (<see cref="EventLog"/>, on a connection of their own), each made into its row alone (<see cref="ReadRows"/>), and
/// written a chunk at a time with PostgreSQL's binary COPY; while one chunk is written, the next is read. Memory is
/// bounded by those two chunks, not by the history. A rebuild of the whole store empties the tables with
/// <c>TRUNCATE</c> and sets their secondary indexes aside while it writes (see <see cref="ReadTableIndexes"/>), so
/// queries wait for it to commit; a rebuild of one tenant's ledger deletes that tenant's rows and keeps the indexes, so
/// the other tenants' queries go on. The register of actors is written again too, in the same transaction, with what
/// the events declare (<see cref="ActorRegistry.MendAsync"/>).
/// </summary>
internal sealed class ProjectionRebuild(LedgerSessions sessions, int chunkEvents = 10_000)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Marten checks a table's columns on a connection of its own the first time a process uses it: done inside the
        // transaction, that check would wait for the lock the transaction holds on the emptied tables.
        await CopyAppend.EnsureStorageAsync(sessions.Store, cancellationToken).ConfigureAwait(false);
        await using var connection = sessions.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var session = sessions.Write(transaction);
            var writer = new Writer(session, connection);
            await EmptyAsync(connection, session.TenantId, cancellationToken).ConfigureAwait(false);
            var indexes = sessions.Tenant is null ? await ReadTableIndexes.SetAsideAsync(sessions.Store, connection, cancellationToken).ConfigureAwait(false) : null;
            var actors = await ProjectAllAsync(writer, cancellationToken).ConfigureAwait(false);
            await ActorRegistry.MendAsync(session, actors, cancellationToken).ConfigureAwait(false);
            if (indexes is not null)
            {
                await indexes.RestoreAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // A COPY cancelled midway reports the transaction Npgsql has disposed instead of the cancellation.
            throw new OperationCanceledException("The rebuild was cancelled; the projections are as they were.", failure, cancellationToken);
        }

        // The tables were emptied and refilled, so their statistics are those of the tables as they were. The rebuild has
        // committed: a cancellation now would report a rebuild that took place as one that did not.
        await ReadTableStatistics.RefreshAsync(sessions.Store, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Projects every event, and returns every actor they declare, in the order recorded.</summary>
    private async Task<ActorDirectory> ProjectAllAsync(Writer writer, CancellationToken cancellationToken)
    {
        await using var session = sessions.Query();
        var rows = new ReadRows(writer.Session.DocumentStore.Options.Serializer());
        var writing = Task.CompletedTask;
        var actors = ActorDirectory.Empty;
        try
        {
            await foreach (var e in EventLog.ReadAsync(session, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(e.Event, e.Recording.RecordedAt, StreamPosition.Of(e.Recording));
                actors.Declare(e.Event);
                if (rows.Count == chunkEvents)
                {
                    await writing.ConfigureAwait(false);
                    writing = writer.WriteAsync(rows, cancellationToken);
                    rows = new ReadRows(writer.Session.DocumentStore.Options.Serializer());
                }
            }

            await writing.ConfigureAwait(false);
            await writer.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
            return actors;
        }
        catch
        {
            // A write in flight when reading fails ends before the transaction is rolled back.
            await Task.WhenAny(writing).ConfigureAwait(false);
            throw;
        }
    }

    private async Task EmptyAsync(NpgsqlConnection connection, string tenantId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ReadTables.Empty(sessions.Store.Options.Events.DatabaseSchemaName, oneTenant: sessions.Tenant is not null), connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record Writer(IDocumentSession Session, NpgsqlConnection Connection)
    {
        public async Task WriteAsync(ReadRows rows, CancellationToken cancellationToken)
        {
            await Task.Yield();
            await rows.CopyAsync(Connection, Session.DocumentStore.Options.Events.DatabaseSchemaName, Session.TenantId, cancellationToken).ConfigureAwait(false);
        }
    }
}
