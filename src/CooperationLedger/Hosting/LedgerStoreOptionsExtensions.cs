using System.Linq.Expressions;
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
using Marten;
using Weasel.Postgresql.Tables;
using NodaTime;

namespace CooperationLedger.Hosting;

/// <summary>Adds the ledger to a Marten store: its events under stable names, its inline projections and its indexes.</summary>
public static class LedgerStoreOptionsExtensions
{
    /// <summary>Gets the types of the documents the ledger's projections write.</summary>
    internal static IReadOnlyList<Type> EntryTypes { get; } =
        [typeof(DonationEntry), typeof(StatisticClaimEntry), typeof(AgreementEntry), typeof(TimelineEntry)];

    /// <summary>
    /// Registers the ledger's events (under their stable snake_case names), its inline projections, its documents and
    /// their indexes on <paramref name="options"/>, leaving everything else about the store as the application set it.
    /// </summary>
    /// <param name="options">The store's options.</param>
    /// <param name="clock">The clock that stamps recorded times; <see cref="SystemClock.Instance"/> when omitted.</param>
    /// <returns>The same options, for chaining.</returns>
    /// <remarks>
    /// The ledger's projections are inline: they are updated in the transaction that appends the events. Do not run the
    /// ledger under Marten's <c>HotCold</c> async daemon (see docs/patched-lock.md).
    /// </remarks>
    public static StoreOptions AddCooperationLedger(this StoreOptions options, IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (type, alias) in FactTypes.All)
        {
            options.Events.MapEventType(type, alias);
        }

        options.Events.TimeProvider = new ClockTimeProvider(clock ?? SystemClock.Instance);
        options.Projections.Add(new DonationProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new StatisticClaimProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new AgreementProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new TimelineProjection(), ProjectionLifecycle.Inline);

        IndexAsOfBounds<DonationEntry>(options);
        IndexAsOfBounds<StatisticClaimEntry>(options);
        IndexAsOfBounds<AgreementEntry>(options);
        IndexAsOfBounds<TimelineEntry>(options);
        options.Schema.For<DonationEntry>().Index(entry => entry.Matter);
        IndexTerms<DonationEntry>(options, entry => entry.DonorTerms);
        IndexTerms<DonationEntry>(options, entry => entry.RecipientTerms);
        IndexTerms<DonationEntry>(options, entry => entry.PairTerms);
        IndexWithoutTerms<DonationEntry>(options, "pair_terms");
        options.Schema.For<StatisticClaimEntry>().Duplicate(entry => entry.Metric);
        options.Schema.For<StatisticClaimEntry>().Duplicate(entry => entry.MetricTerm);
        options.Schema.For<StatisticClaimEntry>().Duplicate(entry => entry.Matter);
        IndexTerms<StatisticClaimEntry>(options, entry => entry.ClaimantTerms);
        IndexTerms<StatisticClaimEntry>(options, entry => entry.SubjectTerms);
        IndexTerms<AgreementEntry>(options, entry => entry.PartyTerms);
        IndexTerms<TimelineEntry>(options, entry => entry.ActorKeys);
        options.Schema.For<FactRecord>().Duplicate(record => record.DocumentKey);
        options.Schema.For<StoredDocument>();
        IndexTerms<ActorRegistration>(options, registration => registration.Terms);
        options.Schema.For<ActorRegistration>().Index(registration => registration.MemberOf!, index =>
        {
            index.Name = "mt_doc_actorregistration_idx_members";
            index.Predicate = ActorRegistry.Members;
        });
        return options;
    }

    /// <summary>Keeps an array of actor terms or keys in a <c>text[]</c> column with a GIN index, for <see cref="EntryNarrowing"/>.</summary>
    private static void IndexTerms<TEntry>(StoreOptions options, Expression<Func<TEntry, object?>> terms)
        where TEntry : class =>
        options.Schema.For<TEntry>().Duplicate(terms, "text[]", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, ConfigureTermsIndex, notNull: false, partOfPrimaryKey: false);

    /// <summary>
    /// A GIN index without the pending list (<c>fastupdate = off</c>): with it, entries inserted in bulk wait in an
    /// unordered list that every lookup scans until a vacuum merges them, which made a one-donor question at a million
    /// facts fifteen times slower.
    /// </summary>
    private static void ConfigureTermsIndex(Marten.Schema.DocumentIndex index)
    {
        index.Method = IndexMethod.gin;
        index.StorageParameters["fastupdate"] = "off";
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

    private static void IndexAsOfBounds<TEntry>(StoreOptions options)
        where TEntry : LedgerEntry
    {
        var mapping = options.Schema.For<TEntry>();
        mapping.Duplicate(entry => entry.EffectiveFrom);
        mapping.Duplicate(entry => entry.EffectiveTo);
        mapping.Duplicate(entry => entry.KnownFrom);
        mapping.Duplicate(entry => entry.KnownTo);
        mapping.Duplicate(entry => entry.RecordedAtMs);
    }
}
