using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using CooperationLedger.Views;
using Marten;
using Marten.Storage;
using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>
/// Rebuilds the ledger's projections from its events, all or nothing: the entries are emptied and written again in one
/// transaction on one connection, so a query sees the projections of before until the rebuild commits, and a rebuild
/// that fails, is cancelled or whose process is killed leaves them as they were. The events are read in the order
/// recorded (<see cref="EventLog"/>, on a connection of their own), folded in memory a chunk at a time by
/// <see cref="EntryFold"/> (the same evolution the inline projections run) and written with PostgreSQL's binary COPY
/// through Marten's loaders. While one chunk is written, the next is read and folded: a revision of a fact from the
/// chunk being written applies to that chunk's entry in memory; of a fact from an earlier chunk, to the entry loaded
/// back in the transaction, once the write in flight is done. Memory is bounded by those two chunks, not by the
/// history. A rebuild of the whole store empties the entry tables with <c>TRUNCATE</c> and sets their secondary indexes
/// aside while it writes (see <see cref="EntryIndexes"/>), so queries wait for it to commit; a rebuild of one tenant's
/// ledger deletes that tenant's entries and keeps the indexes, so the other tenants' queries go on. The register of
/// actors is written again too, in the same transaction, with what the events declare (<see cref="ActorRegistry.MendAsync"/>).
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
            var writer = new Writer(session, connection, await sessions.Store.Options.Tenancy.GetTenantAsync(session.TenantId).ConfigureAwait(false));
            await EmptyAsync(connection, session.TenantId, cancellationToken).ConfigureAwait(false);
            var indexes = sessions.Tenant is null ? await EntryIndexes.SetAsideAsync(sessions.Store, connection, cancellationToken).ConfigureAwait(false) : null;
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
        await EntryStatistics.RefreshAsync(sessions.Store, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Projects every event, and returns every actor they declare, in the order recorded.</summary>
    private async Task<ActorDirectory> ProjectAllAsync(Writer writer, CancellationToken cancellationToken)
    {
        await using var session = sessions.Query();
        var chunk = new List<(ILedgerEvent Event, Recording Recording)>(chunkEvents);
        Folded? previous = null;
        var writing = Task.CompletedTask;
        var actors = ActorDirectory.Empty;
        try
        {
            await foreach (var e in EventLog.ReadAsync(session, cancellationToken).ConfigureAwait(false))
            {
                chunk.Add(e);
                actors.Declare(e.Event);
                if (chunk.Count == chunkEvents)
                {
                    previous = await FoldAsync(chunk, previous, writer, writing, cancellationToken).ConfigureAwait(false);
                    await writing.ConfigureAwait(false);
                    writing = writer.WriteAsync(previous, cancellationToken);
                    chunk = new List<(ILedgerEvent Event, Recording Recording)>(chunkEvents);
                }
            }

            var last = await FoldAsync(chunk, previous, writer, writing, cancellationToken).ConfigureAwait(false);
            await writing.ConfigureAwait(false);
            await writer.WriteAsync(last, cancellationToken).ConfigureAwait(false);
            return actors;
        }
        catch
        {
            // A write in flight when reading or folding fails ends before the transaction is rolled back.
            await Task.WhenAny(writing).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Empties this ledger's entries in the rebuild's transaction: the whole tables, or this tenant's rows.</summary>
    private async Task EmptyAsync(NpgsqlConnection connection, string tenantId, CancellationToken cancellationToken)
    {
        var tables = EntryTables.Of(sessions.Store).Select(table => table.QualifiedName).ToArray();
        var schema = sessions.Store.Options.Events.DatabaseSchemaName;
        await using var command = new NpgsqlCommand(
            sessions.Tenant is null
                ? $"truncate table {string.Join(", ", tables)}; {ReadTables.Empty(schema, oneTenant: false)}"
                : string.Concat(tables.Select(table => $"delete from {table} where tenant_id = @tenant;")) + ReadTables.Empty(schema, oneTenant: true),
            connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Folds a chunk over the entries of the earlier facts it revises: from the chunk before it, still in memory (it may
    /// be being written), or else from the database, where every chunk before that one is stored.
    /// </summary>
    private static async Task<Folded> FoldAsync(IReadOnlyList<(ILedgerEvent Event, Recording Recording)> chunk, Folded? previous, Writer writer, Task writing, CancellationToken cancellationToken)
    {
        var earlier = EntryEvolution.RevisedBefore(chunk.Select(e => e.Event));
        var replay = new EntryFold();
        var stored = new HashSet<Guid>();
        foreach (var entry in earlier.SelectMany(id => previous?.Replay.EntriesOf(id) ?? []))
        {
            replay.Include(entry);
            stored.Add(entry.Id);
        }

        var unloaded = earlier.Except(stored).ToArray();
        if (unloaded.Length > 0)
        {
            // The transaction's one connection reads once the chunk being written is done.
            await writing.ConfigureAwait(false);
            foreach (var entry in await LoadAsync(writer.Session, unloaded, cancellationToken).ConfigureAwait(false))
            {
                replay.Include(entry);
                stored.Add(entry.Id);
            }
        }

        var rows = new ReadRows(writer.Session.DocumentStore.Options.Serializer());
        foreach (var e in chunk)
        {
            replay.Apply(e.Event, e.Recording.RecordedAt, StreamPosition.Of(e.Recording));
            rows.Add(e.Event, e.Recording.RecordedAt, StreamPosition.Of(e.Recording));
        }

        return new Folded(replay, stored, rows);
    }

    /// <summary>Loads the entries of these facts from all four projections.</summary>
    public static async Task<IEnumerable<LedgerEntry>> LoadAsync(IQuerySession session, Guid[] ids, CancellationToken cancellationToken) =>
    [
        .. await session.LoadManyAsync<DonationEntry>(cancellationToken, ids).ConfigureAwait(false),
        .. await session.LoadManyAsync<StatisticClaimEntry>(cancellationToken, ids).ConfigureAwait(false),
        .. await session.LoadManyAsync<AgreementEntry>(cancellationToken, ids).ConfigureAwait(false),
        .. await session.LoadManyAsync<TimelineEntry>(cancellationToken, ids).ConfigureAwait(false),
    ];

    /// <summary>Writes folded chunks on the rebuild's connection, in its transaction.</summary>
    /// <param name="Session">A session in the transaction, which reads entries back.</param>
    /// <param name="Connection">The transaction's connection.</param>
    /// <param name="Tenant">The tenant whose entries are written.</param>
    private sealed record Writer(IDocumentSession Session, NpgsqlConnection Connection, Tenant Tenant)
    {
        /// <summary>Writes the four projections of a folded chunk, one after another on the one connection.</summary>
        public async Task WriteAsync(Folded folded, CancellationToken cancellationToken)
        {
            await Task.Yield();
            await WriteAsync(folded.Replay.Donations, folded.Stored, cancellationToken).ConfigureAwait(false);
            await WriteAsync(folded.Replay.Claims, folded.Stored, cancellationToken).ConfigureAwait(false);
            await WriteAsync(folded.Replay.Agreements, folded.Stored, cancellationToken).ConfigureAwait(false);
            await WriteAsync(folded.Replay.Timeline, folded.Stored, cancellationToken).ConfigureAwait(false);
            await folded.Rows.CopyAsync(Connection, Session.DocumentStore.Options.Events.DatabaseSchemaName, Tenant.TenantId, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Writes entries with a COPY, first deleting the stored versions of those an earlier chunk wrote.</summary>
        private async Task WriteAsync<TEntry>(IEnumerable<TEntry> entries, IReadOnlySet<Guid> stored, CancellationToken cancellationToken)
            where TEntry : LedgerEntry
        {
            var all = entries.ToArray();
            var overwritten = all.Where(entry => stored.Contains(entry.Id)).Select(entry => entry.Id).ToArray();
            if (overwritten.Length > 0)
            {
                var table = Session.DocumentStore.Options.FindOrResolveDocumentType(typeof(TEntry)).TableName.QualifiedName;
                var tenanted = Session.DocumentStore.Options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined;
                await using var delete = new NpgsqlCommand($"delete from {table} where id = any(@ids)" + (tenanted ? " and tenant_id = @tenant" : string.Empty), Connection);
                delete.Parameters.AddWithValue("ids", overwritten);
                delete.Parameters.AddWithValue("tenant", Tenant.TenantId);
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await CopyAppend.LoadAsync(Tenant, Session.DocumentStore.Options.Serializer(), Connection, all, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A chunk folded in memory.</summary>
    /// <param name="Replay">Its entries.</param>
    /// <param name="Stored">The facts whose entries were stored before the chunk: written over, not inserted.</param>
    /// <param name="Rows">The rows of the read tables its events add.</param>
    private sealed record Folded(EntryFold Replay, IReadOnlySet<Guid> Stored, ReadRows Rows);
}
