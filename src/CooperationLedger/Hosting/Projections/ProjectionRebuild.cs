using CooperationLedger.Agreements;
using CooperationLedger.Claims;
using CooperationLedger.Donations;
using CooperationLedger.Facts;
using CooperationLedger.Timeline;
using Marten;
using NodaTime;
using Weasel.Core;

namespace CooperationLedger.Hosting.Projections;

/// <summary>
/// Rebuilds the ledger's projections from its events: the entries are emptied, then the events are read in the order
/// recorded (<see cref="StoredEvents"/>), folded in memory a chunk at a time by <see cref="EventReplay"/> (the same
/// evolution the inline projections run) and written with PostgreSQL's binary COPY through Marten's bulk insert. While
/// one chunk is written (its four projections side by side), the next is read and folded: a revision of a fact from
/// the chunk being written applies to that chunk's entry in memory; of a fact from an earlier chunk, to the entry
/// loaded back from the database, where that chunk is stored by then. Memory is bounded by those two chunks, not by
/// the history. A rebuild of the whole store sets the entry tables' secondary
/// indexes aside while it writes and builds them again at the end (see <see cref="EntryIndexes"/>); a rebuild of one
/// tenant's ledger keeps them, for the other tenants' queries.
/// </summary>
internal sealed class ProjectionRebuild(LedgerSessions sessions, int chunkEvents = 10_000)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await EmptyAsync(cancellationToken).ConfigureAwait(false);
        if (sessions.Tenant is not null)
        {
            await ProjectAllAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var indexes = await EntryIndexes.SetAsideAsync(sessions.Store, cancellationToken).ConfigureAwait(false);
        try
        {
            await ProjectAllAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await indexes.RestoreAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task ProjectAllAsync(CancellationToken cancellationToken)
    {
        await using var session = sessions.Query();
        var chunk = new List<StoredEvent>(chunkEvents);
        Folded? previous = null;
        var writing = Task.CompletedTask;
        try
        {
            await foreach (var e in StoredEvents.ReadAsync(session, cancellationToken).ConfigureAwait(false))
            {
                chunk.Add(e);
                if (chunk.Count == chunkEvents)
                {
                    previous = await FoldAsync(chunk, previous, cancellationToken).ConfigureAwait(false);
                    await writing.ConfigureAwait(false);
                    writing = WriteAsync(previous, cancellationToken);
                    chunk = new List<StoredEvent>(chunkEvents);
                }
            }

            var last = await FoldAsync(chunk, previous, cancellationToken).ConfigureAwait(false);
            await writing.ConfigureAwait(false);
            await WriteAsync(last, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            // A write in flight when reading or folding fails ends before that failure is reported.
            await Task.WhenAny(writing).ConfigureAwait(false);
            if (failure is not OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                // Marten's bulk insert, cancelled during its COPY, reports the transaction Npgsql has disposed instead.
                throw new OperationCanceledException("The rebuild was cancelled.", failure, cancellationToken);
            }

            throw;
        }
    }

    private async Task EmptyAsync(CancellationToken cancellationToken)
    {
        if (sessions.Tenant is null)
        {
            foreach (var type in LedgerStoreOptionsExtensions.EntryTypes)
            {
                await sessions.Store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await using var session = sessions.Write();
        session.DeleteWhere<DonationEntry>(entry => true);
        session.DeleteWhere<StatisticClaimEntry>(entry => true);
        session.DeleteWhere<AgreementEntry>(entry => true);
        session.DeleteWhere<TimelineEntry>(entry => true);
        await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Folds a chunk over the entries of the earlier facts it revises: from the chunk before it, still in memory (it may
    /// be being written), or else from the database, where every chunk before that one is stored.
    /// </summary>
    private async Task<Folded> FoldAsync(IReadOnlyList<StoredEvent> chunk, Folded? previous, CancellationToken cancellationToken)
    {
        var earlier = EntryEvolution.RevisedBefore(chunk.Select(e => e.Data));
        var replay = new EventReplay();
        var stored = new HashSet<Guid>();
        foreach (var entry in earlier.SelectMany(id => previous?.Replay.EntriesOf(id) ?? []))
        {
            replay.Include(entry);
            stored.Add(entry.Id);
        }

        var unloaded = earlier.Except(stored).ToArray();
        if (unloaded.Length > 0)
        {
            await using var session = sessions.Query();
            foreach (var entry in await LoadAsync(session, unloaded, cancellationToken).ConfigureAwait(false))
            {
                replay.Include(entry);
                stored.Add(entry.Id);
            }
        }

        foreach (var e in chunk)
        {
            replay.Apply(e.Data, e.Recorded.RecordedAt, e.Address);
        }

        return new Folded(replay, stored);
    }

    /// <summary>Writes the four projections of a folded chunk side by side.</summary>
    private Task WriteAsync(Folded folded, CancellationToken cancellationToken) =>
        Task.WhenAll(
            WriteAsync(folded.Replay.Donations, folded.Stored, cancellationToken),
            WriteAsync(folded.Replay.Claims, folded.Stored, cancellationToken),
            WriteAsync(folded.Replay.Agreements, folded.Stored, cancellationToken),
            WriteAsync(folded.Replay.Timeline, folded.Stored, cancellationToken));

    /// <summary>Loads the entries of these facts from all four projections.</summary>
    public static async Task<IEnumerable<LedgerEntry>> LoadAsync(IQuerySession session, Guid[] ids, CancellationToken cancellationToken) =>
    [
        .. await session.LoadManyAsync<DonationEntry>(cancellationToken, ids).ConfigureAwait(false),
        .. await session.LoadManyAsync<StatisticClaimEntry>(cancellationToken, ids).ConfigureAwait(false),
        .. await session.LoadManyAsync<AgreementEntry>(cancellationToken, ids).ConfigureAwait(false),
        .. await session.LoadManyAsync<TimelineEntry>(cancellationToken, ids).ConfigureAwait(false),
    ];

    /// <summary>Writes new entries with a plain COPY, and entries revised from an earlier chunk over their stored versions.</summary>
    private async Task WriteAsync<TEntry>(IEnumerable<TEntry> entries, IReadOnlySet<Guid> stored, CancellationToken cancellationToken)
        where TEntry : LedgerEntry
    {
        await Task.Yield();
        var split = entries.ToLookup(entry => stored.Contains(entry.Id));
        await InsertAsync(split[false].ToArray(), BulkInsertMode.InsertsOnly, cancellationToken).ConfigureAwait(false);
        await InsertAsync(split[true].ToArray(), BulkInsertMode.OverwriteExisting, cancellationToken).ConfigureAwait(false);
    }

    private Task InsertAsync<TEntry>(IReadOnlyCollection<TEntry> entries, BulkInsertMode mode, CancellationToken cancellationToken)
        where TEntry : LedgerEntry
    {
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        return sessions.Tenant is { } tenant
            ? sessions.Store.BulkInsertAsync(tenant, entries, mode, chunkEvents, cancellationToken)
            : sessions.Store.BulkInsertAsync(entries, mode, chunkEvents, cancellationToken);
    }

    /// <summary>A chunk folded in memory.</summary>
    /// <param name="Replay">Its entries.</param>
    /// <param name="Stored">The facts whose entries were stored before the chunk: written over, not inserted.</param>
    private sealed record Folded(EventReplay Replay, IReadOnlySet<Guid> Stored);
}
