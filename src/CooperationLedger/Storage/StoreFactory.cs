using System.Text.Json;
using System.Text.Json.Serialization;
using CooperationLedger.Facts;
using JasperFx.MultiTenancy;
using Marten;
using Npgsql;
using Weasel.Core;

namespace CooperationLedger.Storage;

/// <summary>
/// The one place that wires Marten for the ledger: a data source that maps NodaTime types, System.Text.Json with
/// NodaTime converters, event metadata, and the schema.
/// </summary>
internal static class StoreFactory
{
    /// <summary>How many statements each connection keeps prepared when the connection string does not say.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// Builds the data source of a store of the ledger's own: NodaTime types mapped, and, unless the connection string
    /// sets <c>Max Auto Prepare</c> itself, Npgsql's automatic preparation of the statements used twice or more. An
    /// append sends the same few inserts thousands of times; prepared, PostgreSQL parses and plans each once per
    /// connection instead of once per insert. The as-of
    /// queries, whose best plan depends on the point asked, keep their bounds out of the parameters (see
    /// <see cref="AsOfBounds"/>).
    /// </summary>
    public static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.Keys.Cast<string>().Any(key => string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        builder.UseNodaTime();
        return builder.Build();
    }

    public static DocumentStore Create(NpgsqlDataSource dataSource, LedgerStoreSettings settings, Action<StoreOptions>? configure = null) =>
        DocumentStore.For(options =>
        {
            options.Connection(dataSource);
            ConfigureBasics(options, settings);
            configure?.Invoke(options);
        });

    /// <summary>Configures a store of the ledger's own: its connection, the basics, and the ledger's events and projections.</summary>
    public static void ConfigureOwnStore(StoreOptions options, NpgsqlDataSource dataSource, LedgerStoreSettings settings, NodaTime.IClock? clock)
    {
        options.Connection(dataSource);
        ConfigureBasics(options, settings);
        LedgerStoreConfiguration.Apply(options, clock);
    }

    public static void ConfigureBasics(StoreOptions options, LedgerStoreSettings settings)
    {
        options.DatabaseSchemaName = settings.Schema;
        options.Events.DatabaseSchemaName = settings.Schema;
        options.AutoCreateSchemaObjects = settings.AutoCreate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, ConfigureStoredJson);
        if (settings.MultiTenant)
        {
            options.Events.TenancyStyle = TenancyStyle.Conjoined;
            options.Policies.AllDocumentsAreMultiTenanted();
        }
    }

    /// <summary>
    /// The JSON the store writes: the ledger's types (<see cref="FactJson.ConfigureLedgerTypes"/>), without null members (every absent member reads back
    /// as null, so nothing is lost), which keeps events and entries a third smaller, and with reported dates in their
    /// text form where it says all (<see cref="ReportedDateJsonConverter"/>). Fingerprints keep their own JSON.
    /// </summary>
    private static void ConfigureStoredJson(JsonSerializerOptions json)
    {
        FactJson.ConfigureLedgerTypes(json);
        json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
