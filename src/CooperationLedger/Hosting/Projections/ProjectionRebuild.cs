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
/// recorded (<see cref="StoredEvents"/>), folded in memory a chunk at a time by <see cref="EventReplay"/> (the same evolution the inline projections
/// run) and written with PostgreSQL's binary COPY through Marten's bulk insert. A revision of a fact from an earlier
/// chunk applies to the entry loaded back from the database. The four projections of a chunk are written side by
/// side, while the next chunk is read. Memory is bounded by two chunks, not by the history. A rebuild of the whole store
/// sets the entry tables' secondary indexes aside while it writes and builds them again at the end (see
/// <see cref="EntryIndexes"/>); a rebuild of one tenant's ledger keeps them, for the other tenants' queries.
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
        var writing = Task.CompletedTask;
        await foreach (var e in StoredEvents.ReadAsync(session, cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(e);
            if (chunk.Count == chunkEvents)
            {
                // The next chunk is read while this one is written; a chunk is folded only once the one before it is stored.
                await writing.ConfigureAwait(false);
                writing = ProjectAsync(chunk, cancellationToken);
                chunk = new List<StoredEvent>(chunkEvents);
            }
        }

        await writing.ConfigureAwait(false);
        await ProjectAsync(chunk, cancellationToken).ConfigureAwait(false);
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

    private async Task ProjectAsync(IReadOnlyList<StoredEvent> chunk, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (chunk.Count == 0)
        {
            return;
        }

        var created = chunk.Select(e => e.Data).OfType<IReportedFact>().Select(fact => fact.FactId).ToHashSet();
        var earlier = chunk.Select(e => EntryEvolution.EntryId(e.Data)).OfType<Guid>().Where(id => !created.Contains(id)).Distinct().ToArray();
        var replay = new EventReplay();
        var loaded = new HashSet<Guid>();
        if (earlier.Length > 0)
        {
            await using var session = sessions.Query();
            foreach (var entry in await LoadAsync(session, earlier, cancellationToken).ConfigureAwait(false))
            {
                replay.Include(entry);
                loaded.Add(entry.Id);
            }
        }

        foreach (var e in chunk)
        {
            replay.Apply(e.Data, e.Recorded.RecordedAt, e.Address);
        }

        await Task.WhenAll(
            WriteAsync(replay.Donations, loaded, cancellationToken),
            WriteAsync(replay.Claims, loaded, cancellationToken),
            WriteAsync(replay.Agreements, loaded, cancellationToken),
            WriteAsync(replay.Timeline, loaded, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Loads the entries of these facts from all four projections.</summary>
    public static async Task<IEnumerable<LedgerEntry>> LoadAsync(IQuerySession session, Guid[] ids, CancellationToken cancellationToken) =>
    [
        .. await session.LoadManyAsync<DonationEntry>(cancellationToken, ids).ConfigureAwait(false),
        .. await session.LoadManyAsync<StatisticClaimEntry>(cancellationToken, ids).ConfigureAwait(false),
        .. await session.LoadManyAsync<AgreementEntry>(cancellationToken, ids).ConfigureAwait(false),
        .. await session.LoadManyAsync<TimelineEntry>(cancellationToken, ids).ConfigureAwait(false),
    ];

    /// <summary>Writes new entries with a plain COPY, and entries revised from an earlier chunk over their stored versions.</summary>
    private async Task WriteAsync<TEntry>(IEnumerable<TEntry> entries, HashSet<Guid> loaded, CancellationToken cancellationToken)
        where TEntry : LedgerEntry
    {
        var split = entries.ToLookup(entry => loaded.Contains(entry.Id));
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
}
