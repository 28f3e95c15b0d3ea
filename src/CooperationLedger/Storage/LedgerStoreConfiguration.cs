using System.Runtime.CompilerServices;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using CooperationLedger.Views;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Marten.Services;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>
/// How the ledger lays itself out in a Marten store: its events under stable names, its inline projections, its
/// documents with their columns and indexes, and the metadata its audits show; applied by
/// <c>StoreOptions.AddCooperationLedger()</c> to an application's store and by <see cref="StoreFactory"/> to its own.
/// </summary>
internal static class LedgerStoreConfiguration
{
    /// <summary>Tells whether <see cref="Apply"/> configured these options.</summary>
    internal static bool IsConfigured(object options) => options is StoreOptions store && Configured.TryGetValue(store, out _);

    /// <summary>Gets the types of the documents the ledger's projections write.</summary>
    internal static IReadOnlyList<Type> EntryTypes { get; } =
        [typeof(DonationEntry), typeof(StatisticClaimEntry), typeof(AgreementEntry), typeof(TimelineEntry)];

    /// <summary>Gets the types of every document the ledger keeps: its entries, indexed facts, articles and actors.</summary>
    internal static IReadOnlyList<Type> DocumentTypes { get; } =
        [.. EntryTypes, typeof(IndexedFact), typeof(StoredArticle), typeof(ActorRegistration)];

    private static readonly ConditionalWeakTable<StoreOptions, object> Configured = [];

    /// <summary>Registers the ledger on <paramref name="options"/>, as <c>StoreOptions.AddCooperationLedger()</c> documents.</summary>
    public static StoreOptions Apply(StoreOptions options, IClock? clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Serializer() is SystemTextJsonSerializer json)
        {
            json.Configure(FactJson.ConfigureLedgerTypes);
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
        options.Projections.Add(new DonationProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new StatisticClaimProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new AgreementProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new TimelineProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ReadTableProjection(), ProjectionLifecycle.Inline);
        options.Storage.Add(new ReadTablesFeature(options));

        options.Policies.ForAllDocuments(EntryColumns.Apply);
        options.Policies.ForAllDocuments(mapping => FollowEventTenancy(options, mapping));
        options.Schema.For<DonationEntry>().Index(entry => entry.Matter);
        IndexWithoutTerms<DonationEntry>(options, "pair_terms");
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
    /// Keeps the ledger's documents by tenant when the store keeps its events by tenant. Marten refuses a projection
    /// whose documents are kept apart differently from its events, and an application that made its events conjoined
    /// need not have made every document so; the policy runs when the mappings are built, so it follows a tenancy set
    /// after this call.
    /// </summary>
    private static void FollowEventTenancy(StoreOptions options, DocumentMapping mapping)
    {
        if (options.Events.TenancyStyle == TenancyStyle.Conjoined && DocumentTypes.Contains(mapping.DocumentType))
        {
            mapping.TenancyStyle = TenancyStyle.Conjoined;
        }
    }

    /// <summary>
    /// Indexes the entries whose <paramref name="column"/> of terms is empty (<see cref="FactNarrowing.WithTermPairs"/>):
    /// entries written before the column was added, which Marten fills from their JSON, where it is absent. The index
    /// holds those alone, so it is empty once they are rebuilt and costs nothing on an append.
    /// </summary>
    private static void IndexWithoutTerms<TEntry>(StoreOptions options, string column)
        where TEntry : LedgerEntry =>
        options.Schema.For<TEntry>().Index(entry => entry.Id, index =>
        {
            index.Name = $"mt_doc_{typeof(TEntry).Name.ToLowerInvariant()}_idx_without_{column}";
            index.Predicate = FactNarrowing.WithoutTerms(column);
        });
}
