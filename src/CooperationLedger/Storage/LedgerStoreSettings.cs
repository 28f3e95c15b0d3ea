using JasperFx;

namespace CooperationLedger.Storage;

/// <summary>
/// How the ledger lays itself out in PostgreSQL: the schema that holds its events and projections, and whether schema
/// objects are created on first use or only by an explicit migration.
/// </summary>
/// <remarks>The checked, immutable form of <see cref="LedgerOptions"/> for a store of the ledger's own.</remarks>
internal sealed record LedgerStoreSettings
{
    private readonly string schema = SchemaName.Default;

    /// <summary>
    /// Gets the PostgreSQL schema for the ledger's tables and functions: a plain lower-case identifier (letters, digits,
    /// underscores; at most 63 characters).
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a plain lower-case identifier.</exception>
    public string Schema
    {
        get => schema;
        init => schema = SchemaName.Validate(value, nameof(Schema));
    }

    /// <summary>
    /// Gets what the store may change in the database on first use. <see cref="AutoCreate.CreateOrUpdate"/> (the default)
    /// suits development and tests; production uses <see cref="AutoCreate.None"/> and applies changes explicitly with
    /// <c>store.Storage.ApplyAllConfiguredChangesToDatabaseAsync()</c>.
    /// </summary>
    public AutoCreate AutoCreate { get; init; } = AutoCreate.CreateOrUpdate;

    /// <summary>
    /// Gets a value indicating whether the store keeps several tenants' ledgers apart (Marten's conjoined tenancy: one
    /// set of tables, every row tagged with its tenant). Each tenant's ledger is then had with <c>Ledger.ForTenant</c>.
    /// </summary>
    public bool MultiTenant { get; init; }

    /// <summary>
    /// Gets a value indicating whether a ledger whose tables do not exist, in a store that may not create them, answers
    /// as empty instead of refusing until it is migrated: the tool's read-only commands, which never change the database.
    /// </summary>
    public bool ReadsAbsentTablesAsEmpty { get; init; }
}
