using Marten;

namespace CooperationLedger.Storage;

/// <summary>
/// Tells whether the read tables hold the ledger's facts: a ledger written by a version before them has its events but
/// no rows, until a rebuild writes them. Every append since writes its rows with its events, and a rebuild writes all of
/// them in one transaction, so the tables are filled exactly when the tenant's first event has its row; that is the one
/// row looked up. A donation's row written before its table had the recipient column has none, and a claim's row
/// written before the claim was shown in it has no <c>shown</c>, and any row written before the terms were has no
/// <c>actor_keys</c>: such a row, as the first event's or as the first of its
/// kind in the table, is not counted as filled either.
/// </summary>
internal static class ReadTablesCheck
{
    /// <exception cref="InvalidOperationException">The tables or a column are missing, or the tenant's first event has no row in them.</exception>
    public static async Task EnsureFilledAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var names = StoreCheck.NamesOf(session.DocumentStore.Options.Serializer());
        // Besides the first event's row, the first row, the first donation and the first claim the table holds are looked
        // at, each found by the first rows its scan reads: the oldest rows of each kind are where an earlier version's are.
        var filled = $"""
            select (first.id is null
                    or exists (select 1 from {schema}.{ReadTables.Facts} f where f.tenant_id = $1 and f.id = first.id and f.actor_keys is not null and (f.donor_id is null or f.recipient is not null) and (f.metric is null or f.shown is not null))
                    or exists (select 1 from {schema}.{ReadTables.Revisions} r where r.tenant_id = $1 and r.id = first.id))
               and not exists (select 1 from (select f.recipient from {schema}.{ReadTables.Facts} f where f.tenant_id = $1 and f.donor_id is not null limit 1) d where d.recipient is null)
               and not exists (select 1 from (select f.shown from {schema}.{ReadTables.Facts} f where f.tenant_id = $1 and f.metric is not null limit 1) c where c.shown is null)
               and not exists (select 1 from (select f.actor_keys from {schema}.{ReadTables.Facts} f where f.tenant_id = $1 limit 1) a where a.actor_keys is null)
            from (select (select (e.data ->> $2)::uuid from {schema}.mt_events e where e.tenant_id = $1 order by e.seq_id limit 1) as id) first
            """;
        if (await PresentAsync(session, cancellationToken).ConfigureAwait(false)
            && await TrueAsync(session, filled, [session.TenantId, names.FactId], cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        throw new InvalidOperationException(
            $"The ledger's read tables ({schema}.{ReadTables.Facts}, {schema}.{ReadTables.Revisions}) are missing, or do not yet hold the facts an earlier version of the ledger appended: "
            + "rebuild the projections once (`ledger rebuild`, or Ledger.RebuildProjectionsAsync; a store that may not create tables calls Ledger.MigrateAsync() first). Nothing was changed.");
    }

    /// <summary>
    /// Tells whether the tables and all their columns are present. They are looked for before any statement names them,
    /// since one naming a table or column that does not exist fails as it is parsed; and a version that added a column
    /// adds it to the table only when it first writes.
    /// </summary>
    public static Task<bool> PresentAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var present = $"select to_regclass('{schema}.{ReadTables.Revisions}') is not null and (select count(*) from pg_attribute a where a.attrelid = to_regclass('{schema}.{ReadTables.Facts}') and a.attname = any($1) and not a.attisdropped) = {ReadTables.FactColumns.Count}";
        return TrueAsync(session, present, [ReadTables.FactColumns.Select(column => column.Name).ToArray()], cancellationToken);
    }

    private static async Task<bool> TrueAsync(IQuerySession session, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await foreach (var row in SqlRows.ReadAsync(session, sql, parameters, cancellationToken).ConfigureAwait(false))
        {
            return row.GetBoolean(0);
        }

        return false;
    }
}
