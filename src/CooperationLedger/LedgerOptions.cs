using CooperationLedger.Storage;
using JasperFx;

namespace CooperationLedger;

/// <summary>
/// The ledger's settings: the database of a store of its own, the schema, what may be created on first use, and
/// whether the store keeps several tenants' ledgers. Bindable from configuration (a section such as
/// <c>{ "ConnectionString": "Host=db;Database=ledger", "Schema": "newsroom" }</c>) and checked when the ledger is first
/// resolved or the host starts.
/// </summary>
/// <remarks>
/// When the ledger joins an application's Marten store, that store decides the database, the schema and what is
/// created: <see cref="ConnectionString"/>, <see cref="Schema"/> and <see cref="AutoCreate"/> must then be left unset,
/// and setting one is refused with a message naming it, rather than silently ignored.
/// </remarks>
public sealed class LedgerOptions
{
    /// <summary>The schema used when none is given: <c>cooperation_ledger</c>.</summary>
    public const string DefaultSchema = Storage.SchemaName.Default;

    /// <summary>
    /// Gets or sets the Npgsql connection string of the ledger's own store. Required when the application has not
    /// registered a Marten store; refused when it has (the ledger then joins that store).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets the PostgreSQL schema of the ledger's own store: a plain lower-case identifier (letters, digits,
    /// underscores; at most 63 characters); <see cref="DefaultSchema"/> when unset.
    /// </summary>
    public string? Schema { get; set; }

    /// <summary>
    /// Gets or sets what the ledger's own store may change in the database on first use:
    /// <see cref="JasperFx.AutoCreate.CreateOrUpdate"/> when unset, which suits development and tests; production
    /// uses <see cref="JasperFx.AutoCreate.None"/> and applies changes with <see cref="Ledger.MigrateAsync"/>.
    /// </summary>
    public AutoCreate? AutoCreate { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the store keeps several tenants' ledgers apart (Marten's conjoined
    /// tenancy: one set of tables, every row tagged with its tenant); each tenant's ledger is then had with
    /// <see cref="Ledger.ForTenant"/>. When joining an application's store, this must match that store's tenancy.
    /// </summary>
    public bool MultiTenant { get; set; }

    /// <summary>Checks the options for a store of the ledger's own, and gives its settings.</summary>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    internal LedgerStoreSettings ForOwnStore()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException(
                "CooperationLedger needs LedgerOptions.ConnectionString when the application registers no Marten store (or register Marten first, with AddMarten, and the ledger joins it).",
                nameof(ConnectionString));
        }

        Npgsql.NpgsqlConnectionStringBuilder connection;
        try
        {
            connection = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"CooperationLedger's LedgerOptions.ConnectionString cannot be read: {exception.Message}", nameof(ConnectionString), exception);
        }

        if (string.IsNullOrWhiteSpace(connection.Host))
        {
            throw new ArgumentException(
                "CooperationLedger's LedgerOptions.ConnectionString names no server: set Host (a host name, an address, or the directory of a Unix socket).",
                nameof(ConnectionString));
        }

        try
        {
            return new LedgerStoreSettings { Schema = Schema ?? DefaultSchema, AutoCreate = AutoCreate ?? JasperFx.AutoCreate.CreateOrUpdate, MultiTenant = MultiTenant };
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"CooperationLedger's LedgerOptions.Schema is invalid: {exception.Message}", nameof(Schema), exception);
        }
    }

    /// <summary>Gets the options set that a joined store decides instead, by name.</summary>
    internal IEnumerable<string> SetForJoinedStore()
    {
        if (ConnectionString is not null)
        {
            yield return $"{nameof(ConnectionString)} (the store's own connection is used)";
        }

        if (Schema is not null)
        {
            yield return $"{nameof(Schema)} (the store's StoreOptions.DatabaseSchemaName and Events.DatabaseSchemaName decide it)";
        }

        if (AutoCreate is not null)
        {
            yield return $"{nameof(AutoCreate)} (the store's StoreOptions.AutoCreateSchemaObjects decides it)";
        }
    }
}
