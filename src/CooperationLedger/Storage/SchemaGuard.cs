using CooperationLedger.Answers;
using Marten;
using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>
/// Checks, before a ledger first touches its tables, that the tables already in the database were laid out for the
/// same tenancy as the store: Marten reconciles a table with its configuration by altering it, so a store set up
/// without tenancy would drop the <c>tenant_id</c> column of a multi-tenanted ledger (and with it which tenant each
/// entry belongs to), and the other way round add one. A mismatch is refused before anything runs. The tables are looked
/// up in PostgreSQL's catalog, which lists them whatever the user may do with them (the information schema lists only
/// the tables the user has a privilege on, so to a user without one a full ledger would look empty).
/// </summary>
/// <remarks>One guard serves a store and every tenant's ledger of it; it is thread-safe.</remarks>
/// <param name="store">The ledger's store.</param>
/// <param name="absentIsEmpty">
/// Whether a ledger whose tables do not exist, in a store that may not create them, answers as empty (the tool's
/// read-only commands, which never change the database) rather than refusing with the call that creates them.
/// </param>
internal sealed class SchemaGuard(IDocumentStore store, bool absentIsEmpty = false)
{

    private volatile bool present;
    private volatile bool prepared;
    private volatile HashSet<string> tablesFound = [];

    /// <summary>
    /// Returns whether the ledger's tables exist, having checked that their tenancy matches the store's; remembers a
    /// match, so that only the first call of a ledger whose tables exist asks the database.
    /// </summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <param name="migrating">Whether the caller is about to create the tables, so that their absence is expected.</param>
    /// <exception cref="LedgerSchemaException">The tables were laid out for the other tenancy, or do not exist in a
    /// store that may not create them (it must be migrated first).</exception>
    public async ValueTask<bool> CheckAsync(CancellationToken cancellationToken, bool migrating = false)
    {
        if (present)
        {
            return true;
        }

        var found = await FindTablesAsync(cancellationToken).ConfigureAwait(false);
        tablesFound = found.Select(table => table.Table).ToHashSet(StringComparer.Ordinal);
        if (found.Count == 0)
        {
            return migrating || absentIsEmpty || MayCreate
                ? false
                : throw new LedgerSchemaException(
                    $"The ledger's tables do not exist in schema '{store.Options.DatabaseSchemaName}', and this store may not create them (AutoCreate is None): "
                    + "call Ledger.MigrateAsync() once, at deployment, before the ledger is used. Nothing was changed.");
        }

        if (TenancyMismatch(found) is { } mismatch)
        {
            throw mismatch;
        }

        if (!migrating && await NamingMismatchAsync(cancellationToken).ConfigureAwait(false) is { } naming)
        {
            throw naming;
        }

        present = true;
        return true;
    }

    /// <summary>
    /// Gets the refusal of a ledger whose documents were written by a serializer that names their fields otherwise
    /// than this store's (an application's snake_case store read by the tool's camelCase one), or <see langword="null"/>
    /// when one indexed fact has the fields this store's serializer would write. Read through the wrong names,
    /// every field would come back empty, and a rebuild would write the emptiness back.
    /// </summary>
    private async Task<LedgerSchemaException?> NamingMismatchAsync(CancellationToken cancellationToken)
    {
        var table = store.Options.FindOrResolveDocumentType(typeof(IndexedFact)).TableName;
        if (!tablesFound.Contains(table.QualifiedName))
        {
            return null;
        }

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"select data::text from {table.QualifiedName} limit 1", connection);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string stored)
        {
            return null;
        }

        var serializer = store.Options.Serializer();
        var expected = StoredJsonNames.FieldsOf(serializer.ToJson(new IndexedFact(Guid.Empty, "k", "d", "t", "h", Guid.Empty, IsRevision: false)));
        var found = StoredJsonNames.FieldsOf(stored);
        return found.SetEquals(expected)
            ? null
            : new LedgerSchemaException(
                $"The ledger in schema '{store.Options.DatabaseSchemaName}' was written by a serializer that names its fields otherwise than this store's "
                + $"(an indexed fact has {string.Join(", ", found.Order(StringComparer.Ordinal))}; this store would write {string.Join(", ", expected.Order(StringComparer.Ordinal))}): "
                + "read it through a store whose serializer is configured as the one that wrote it (the application's store), not a store of the ledger's own such as the ledger tool's. Nothing was changed.");
    }


    /// <summary>Gets the refusal of tables laid out for the other tenancy than the store's, or <see langword="null"/> when they match.</summary>
    public LedgerSchemaException? TenancyMismatch(IEnumerable<(string Table, bool Tenanted)> found)
    {
        var multiTenant = MultiTenant;
        if (found.FirstOrDefault(table => table.Tenanted != multiTenant) is not { Table: not null } wrong)
        {
            return null;
        }

        var schema = store.Options.DatabaseSchemaName;
        return new LedgerSchemaException(wrong.Tenanted
            ? $"The ledger in schema '{schema}' is multi-tenanted ({wrong.Table} has a tenant_id column): name the tenant (--tenant ID, or LedgerOptions.MultiTenant with Ledger.ForTenant). Nothing was changed."
            : $"The ledger in schema '{schema}' is not multi-tenanted ({wrong.Table} has no tenant_id column): leave out the tenant (--tenant), or use another schema for tenants. Nothing was changed.");
    }

    /// <summary>Gets whether the store may create and alter the ledger's tables on first use.</summary>
    private bool MayCreate => store is not DocumentStore { Options.AutoCreateSchemaObjects: JasperFx.AutoCreate.None };

    /// <summary>Gets whether the store keeps tenants' facts apart (<c>tenant_id</c> columns).</summary>
    public bool MultiTenant => store.Options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined;

    /// <summary>Gets the qualified names of the tables the ledger keeps its documents in.</summary>
    public IReadOnlyList<string> ExpectedTables => [.. LedgerStoreConfiguration.DocumentTypes.Select(type => store.Options.FindOrResolveDocumentType(type).TableName.QualifiedName)];

    /// <summary>
    /// Looks up, every time it is called, which of the ledger's tables exist in the catalog and whether each has a
    /// <c>tenant_id</c> column.
    /// </summary>
    public async Task<IReadOnlyList<(string Table, bool Tenanted)>> FindTablesAsync(CancellationToken cancellationToken)
    {
        var tables = LedgerStoreConfiguration.DocumentTypes.Select(type => store.Options.FindOrResolveDocumentType(type).TableName).ToArray();
        var found = new List<(string Table, bool Tenanted)>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            select n.nspname || '.' || c.relname,
                   exists (select 1 from pg_catalog.pg_attribute a
                           where a.attrelid = c.oid and a.attname = 'tenant_id' and a.attnum > 0 and not a.attisdropped)
            from pg_catalog.pg_class c
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            join unnest($1::text[], $2::text[]) as wanted(schema_name, table_name)
              on n.nspname = wanted.schema_name and c.relname = wanted.table_name
            where c.relkind in ('r', 'p')
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tables.Select(table => table.Schema).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = tables.Select(table => table.Name).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add((reader.GetString(0), reader.GetBoolean(1)));
        }

        return found;
    }

    /// <summary>
    /// Before a ledger's first write, creates or updates all its tables (when the store may), under an advisory lock of
    /// its schema: writers that start at once on a new schema would otherwise each find the tables missing and create
    /// them, and all but one fail on a table that exists by then. The others wait for the lock and find nothing to do.
    /// </summary>
    public async Task PrepareForWritesAsync(CancellationToken cancellationToken)
    {
        if (prepared || !MayCreate)
        {
            return;
        }

        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await AdvisoryLocks.HoldSchemaAsync(connection, store.Options.DatabaseSchemaName, cancellationToken).ConfigureAwait(false);

            // The lock is the session's: it ends with this connection, whatever happens.
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync().ConfigureAwait(false);
        }

        prepared = true;
    }

    /// <summary>
    /// Tells whether the table of <paramref name="documentType"/> was there when <see cref="CheckAsync"/> looked: a
    /// ledger laid out by an earlier version may lack a table this one adds, which a store that may not create tables
    /// cannot read.
    /// </summary>
    public bool Found(Type documentType) => tablesFound.Contains(store.Options.FindOrResolveDocumentType(documentType).TableName.QualifiedName);
}
