using JasperFx;

namespace CooperationLedger.Hosting;

/// <summary>
/// How an application hosts the ledger through dependency injection: the database (when the application has no Marten
/// store of its own), the schema, and whether schema objects are created on first use.
/// </summary>
public sealed class LedgerOptions
{
    /// <summary>
    /// Gets or sets the Npgsql connection string of the ledger's database. Required when the application has not
    /// registered a Marten store; ignored when it has (the ledger then joins that store).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the PostgreSQL schema; <see cref="LedgerStoreSettings.DefaultSchema"/> by default.</summary>
    public string Schema { get; set; } = LedgerStoreSettings.DefaultSchema;

    /// <summary>Gets or sets what the store may change in the database on first use; see <see cref="LedgerStoreSettings.AutoCreate"/>.</summary>
    public AutoCreate AutoCreate { get; set; } = AutoCreate.CreateOrUpdate;
}
