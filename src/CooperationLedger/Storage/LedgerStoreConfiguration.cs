using System.Runtime.CompilerServices;
using CooperationLedger.Facts;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Marten.Services;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>
/// How the ledger lays itself out in a Marten store: its events under stable names, its read tables and their inline projection, its
/// documents with their columns and indexes, and the metadata its audits show; applied by
/// <c>StoreOptions.AddCooperationLedger()</c> to an application's store and by <see cref="StoreFactory"/> to its own.
/// </summary>
internal static class LedgerStoreConfiguration
{
    /// <summary>Tells whether <see cref="Apply"/> configured these options.</summary>
    internal static bool IsConfigured(object options) => options is StoreOptions store && Configured.TryGetValue(store, out _);

    /// <summary>Gets the types of every document the ledger keeps: its indexed facts, articles and actors.</summary>
    internal static IReadOnlyList<Type> DocumentTypes { get; } = [typeof(IndexedFact), typeof(StoredArticle), typeof(ActorRegistration)];

    private static readonly ConditionalWeakTable<StoreOptions, object> Configured = [];

    /// <summary>Registers the ledger on <paramref name="options"/>, as <c>StoreOptions.AddCooperationLedger()</c> documents.</summary>
    public static StoreOptions Apply(StoreOptions options, IClock? clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Serializer() is SystemTextJsonSerializer json)
        {
            json.Configure(options => FactJson.ConfigureLedgerTypes(options));
        }

        if (clock is not null)
        {
            options.Events.TimeProvider = new ClockTimeProvider(clock);
        }

        if (!Configured.TryAdd(options, Configured))
        {
            return options;
        }

        foreach (var (type, alias) in FactCatalog.Events)
        {
            options.Events.MapEventType(type, alias);
        }

        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Projections.Add(new ReadTableProjection(), ProjectionLifecycle.Inline);
        options.Storage.Add(new ReadTablesFeature(options));

        options.Policies.ForAllDocuments(DocumentColumns.Apply);
        options.Policies.ForAllDocuments(mapping => FollowEventTenancy(options, mapping));
        // The tables keep the names they were created under (mt_doc_factrecord, mt_doc_storeddocument), so that a
        // ledger written before these types were renamed opens unchanged.
        options.Schema.For<IndexedFact>().DocumentAlias("factrecord");
        options.Schema.For<StoredArticle>().DocumentAlias("storeddocument");
        options.Schema.For<ActorRegistration>().Index(registration => registration.Id, index =>
        {
            index.Name = "mt_doc_actorregistration_idx_members";
            index.Predicate = ActorRegistry.Members;
        });
        return options;
    }

    /// <summary>
    /// Keeps the ledger's documents by tenant when the store keeps its events by tenant, so that a tenant's indexed
    /// facts, articles and actors are apart as its events are; an application that made its events conjoined need not
    /// have made every document so; the policy runs when the mappings are built, so it follows a tenancy set
    /// after this call.
    /// </summary>
    private static void FollowEventTenancy(StoreOptions options, DocumentMapping mapping)
    {
        if (options.Events.TenancyStyle == TenancyStyle.Conjoined && DocumentTypes.Contains(mapping.DocumentType))
        {
            mapping.TenancyStyle = TenancyStyle.Conjoined;
        }
    }
}
