using System.Runtime.CompilerServices;
using CooperationLedger.Actors;
using CooperationLedger.Agreements;
using CooperationLedger.Claims;
using CooperationLedger.Donations;
using CooperationLedger.Facts;
using CooperationLedger.Hosting.Projections;
using CooperationLedger.Ingestion;
using CooperationLedger.Sources;
using CooperationLedger.Timeline;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Marten.Services;
using NodaTime;

namespace CooperationLedger.Hosting;

/// <summary>Adds the ledger to a Marten store: its events under stable names, its inline projections and its indexes.</summary>
public static class LedgerStoreOptionsExtensions
{
    /// <summary>Tells whether <see cref="AddCooperationLedger"/> configured these options.</summary>
    internal static bool IsConfigured(object options) => options is StoreOptions store && Configured.TryGetValue(store, out _);

    /// <summary>Gets the types of the documents the ledger's projections write.</summary>
    internal static IReadOnlyList<Type> EntryTypes { get; } =
        [typeof(DonationEntry), typeof(StatisticClaimEntry), typeof(AgreementEntry), typeof(TimelineEntry)];

    /// <summary>Gets the types of every document the ledger keeps: its entries, fact records, documents and actors.</summary>
    internal static IReadOnlyList<Type> DocumentTypes { get; } =
        [.. EntryTypes, typeof(FactRecord), typeof(StoredDocument), typeof(ActorRegistration)];

    private static readonly ConditionalWeakTable<StoreOptions, object> Configured = [];

    /// <summary>
    /// Registers the ledger on <paramref name="options"/>: its events under their stable snake_case names, its inline
    /// projections, its documents and their indexes, the event metadata its audits show (correlation and causation
    /// ids, headers, user names), and NodaTime's converters on the store's System.Text.Json serializer. Everything else
    /// about the store stays as the application set it: its serializer's casing and enum storage, its schema, its
    /// documents and projections, and its <c>Events.TimeProvider</c> unless <paramref name="clock"/> is given.
    /// </summary>
    /// <param name="options">The store's options.</param>
    /// <param name="clock">
    /// The clock that stamps recorded times, set as the store's <c>Events.TimeProvider</c>; when omitted, the store's
    /// own time provider stamps them.
    /// </param>
    /// <returns>The same options, for chaining.</returns>
    /// <remarks>
    /// Calling it again is harmless, and configures a serializer chosen since. The ledger's projections are inline:
    /// they are updated in the transaction that appends the events. Do not run the ledger under Marten's
    /// <c>HotCold</c> async daemon (see docs/patched-lock.md). <see cref="Ledger"/> checks the store it is given, and
    /// refuses one whose serializer cannot keep the ledger's facts (a serializer chosen after this call, outside
    /// <c>services.AddCooperationLedger()</c>), saying what to change.
    /// </remarks>
    public static StoreOptions AddCooperationLedger(this StoreOptions options, IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Serializer() is SystemTextJsonSerializer json)
        {
            json.Configure(StoreFactory.ConfigureLedgerTypes);
        }

        if (clock is not null)
        {
            options.Events.TimeProvider = new ClockTimeProvider(clock);
        }

        if (!Configured.TryAdd(options, Configured))
        {
            return options;
        }

        foreach (var (type, alias) in FactTypes.All)
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

        options.Policies.ForAllDocuments(EntryColumns.Apply);
        options.Policies.ForAllDocuments(mapping => FollowEventTenancy(options, mapping));
        options.Schema.For<DonationEntry>().Index(entry => entry.Matter);
        IndexWithoutTerms<DonationEntry>(options, "pair_terms");
        options.Schema.For<FactRecord>();
        options.Schema.For<StoredDocument>();
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
    /// Indexes the entries whose <paramref name="column"/> of terms is empty (<see cref="EntryNarrowing.WithTermPairs"/>):
    /// entries written before the column was added, which Marten fills from their JSON, where it is absent. The index
    /// holds those alone, so it is empty once they are rebuilt and costs nothing on an append.
    /// </summary>
    private static void IndexWithoutTerms<TEntry>(StoreOptions options, string column)
        where TEntry : LedgerEntry =>
        options.Schema.For<TEntry>().Index(entry => entry.Id, index =>
        {
            index.Name = $"mt_doc_{typeof(TEntry).Name.ToLowerInvariant()}_idx_without_{column}";
            index.Predicate = EntryNarrowing.WithoutTerms(column);
        });
}
