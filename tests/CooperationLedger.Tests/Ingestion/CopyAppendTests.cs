using CooperationLedger.Facts;
using CooperationLedger.Hosting;
using CooperationLedger.Reading;
using CooperationLedger.Resolution;
using CooperationLedger.Storage;
using CooperationLedger.Synthetic;
using CooperationLedger.Tests.Support;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace CooperationLedger.Tests.Ingestion;

/// <summary>
/// The bulk path writes documents new to the ledger with COPY instead of Marten's append. Given the same generated
/// history appended once through the bulk path and once document by document through Marten's append, both ledgers
/// hold the same events, streams, indexed facts, articles and projection entries, and Marten goes on appending to a
/// stream the bulk path started. A bulk batch that goes through Marten's append applies a revision of a fact that
/// another of its documents adds, as appending the two documents one by one does.
/// </summary>
public sealed class CopyAppendTests : IAsyncLifetime
{
    private readonly LedgerFixture copied = new();
    private readonly LedgerFixture appended = new();

    public async Task InitializeAsync()
    {
        await copied.InitializeAsync();
        await appended.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await copied.DisposeAsync();
        await appended.DisposeAsync();
    }

    [Fact]
    public async Task The_bulk_path_writes_what_marten_writes_and_marten_appends_after_it()
    {
        var documents = SyntheticHistory.Generate(new SyntheticHistoryOptions(Facts: 600, Seed: 11)).ToArray();
        var revised = documents.SelectMany(document => document.Facts).OfType<IRevision>().Select(revision => revision.Revises).ToHashSet();
        var firstPart = documents.Length * 3 / 5;

        // One document of the first part loses its last fact (one nothing revises); it comes back in the second part,
        // appended by Marten to the stream the bulk path started.
        var split = Array.FindIndex(documents, 0, firstPart, document => document.Facts.Count > 1 && !revised.Contains(document.Facts[^1].FactId) && document.Facts[^1] is not IRevision);
        split.Should().BeGreaterThanOrEqualTo(0);
        var first = documents.Take(firstPart).Select((document, i) => i == split ? document with { Facts = document.Facts.SkipLast(1).ToArray() } : document).ToArray();
        var second = documents.Skip(firstPart).Prepend(documents[split]).ToArray();

        CopyAppend.Supports(copied.Ledger.Store).Should().BeTrue("the ledger's own store is one the bulk path can fill");
        var report = await copied.Ledger.AppendManyAsync(first.ToAsyncEnumerable(), batchFacts: 100);
        report.FactsAppended.Should().Be(first.Sum(document => document.Facts.Count));
        foreach (var document in first)
        {
            await appended.Ledger.AppendAsync(document);
        }

        foreach (var document in second)
        {
            await copied.Ledger.AppendAsync(document);
            await appended.Ledger.AppendAsync(document);
        }

        var copiedEvents = await EventsAsync(copied);
        var appendedEvents = await EventsAsync(appended);
        copiedEvents.Select(Describe).Should().Equal(appendedEvents.Select(Describe));
        copiedEvents.Select(e => e.Sequence).Should().OnlyHaveUniqueItems();
        copiedEvents.Should().OnlyContain(e => e.CorrelationId != null && e.CausationId == ((ILedgerEvent)e.Data).Citation.Document.Key);
        (await StreamVersionsAsync(copied)).Should().Equal(await StreamVersionsAsync(appended));
        (await StreamVersionsAsync(copied))[FactIds.ForDocument(documents[split].Document.Key)].Should().Be(documents[split].Facts.Count);

        (await AllAsync<IndexedFact>(copied)).Should().Equal(await AllAsync<IndexedFact>(appended));
        (await AllAsync<StoredArticle>(copied)).Should().Equal(await AllAsync<StoredArticle>(appended));
        await EntriesShouldBeTheSameAsync();
        (await StoredEntries.AllAsync(copied.Ledger, EntryShapes.Timeline)).Should().Contain(entry => entry.Revisions.Count > 0, "revisions written by COPY and by Marten are among them");
    }

    [Fact]
    public async Task A_batch_through_martens_append_revises_a_fact_another_of_its_documents_adds()
    {
        var documents = SyntheticHistory.Generate(new SyntheticHistoryOptions(Facts: 600, Seed: 11)).ToArray();
        var owners = documents.SelectMany((document, index) => document.Facts.Select(fact => (fact.FactId, Index: index))).ToDictionary(pair => pair.FactId, pair => pair.Index);
        var (reviser, target, owner) = documents
            .SelectMany((document, index) => document.Facts.OfType<IRevision>().Select(revision => (Reviser: index, Target: revision.Revises, Owner: owners[revision.Revises])))
            .First(found => found.Owner != found.Reviser
                && documents[found.Owner].Facts.Count > 1
                && documents[found.Owner].Facts.Single(fact => fact.FactId == found.Target) is IReportedFact
                && !documents.Take(found.Reviser).SelectMany(document => document.Facts).OfType<IRevision>().Any(revision => revision.Revises == found.Target));

        // The ledger holds every document before the revision, the target's own without the target: appending that
        // document again adds the target to a stream that exists, so the batch goes through Marten's append.
        var before = documents.Take(reviser).Select((document, i) => i == owner ? document with { Facts = document.Facts.Where(fact => fact.FactId != target).ToArray() } : document).ToArray();
        var batch = new[] { documents[owner], documents[reviser] };
        foreach (var fixture in new[] { copied, appended })
        {
            await fixture.Ledger.AppendManyAsync(before.ToAsyncEnumerable());
        }

        var report = await copied.Ledger.AppendManyAsync(batch.ToAsyncEnumerable(), batchFacts: 1000);
        foreach (var document in batch)
        {
            await appended.Ledger.AppendAsync(document);
        }

        report.FactsAppended.Should().Be(1 + documents[reviser].Facts.Count, "the target and the revising document, in one batch");
        (await StoredEntries.OneAsync(copied.Ledger, EntryShapes.Timeline, target))!.Revisions.Should().ContainSingle(revision => owners[revision.Id] == reviser);

        await EntriesShouldBeTheSameAsync();
    }

    [Fact]
    public void A_store_with_a_projection_of_its_own_goes_through_martens_append()
    {
        using var own = DocumentStore.For(options =>
        {
            options.Connection(copied.ConnectionString);
            options.AddCooperationLedger();
        });
        using var shared = DocumentStore.For(options =>
        {
            options.Connection(copied.ConnectionString);
            options.AddCooperationLedger();
            options.Projections.Add(new FactCount(), ProjectionLifecycle.Inline);
        });

        CopyAppend.Supports(own).Should().BeTrue();
        CopyAppend.Supports(shared).Should().BeFalse("the bulk path would not run the application's projection");
    }

    /// <summary>An application's own projection over the ledger's events.</summary>
    public sealed class FactCount : SingleStreamProjection<FactTally, Guid>
    {
        public static FactTally Create(GrantProvided grant) => new() { Facts = 1 };
    }

    /// <summary>The document of <see cref="FactCount"/>.</summary>
    public sealed class FactTally
    {
        public Guid Id { get; set; }

        public int Facts { get; set; }
    }

    private static string Describe(IEvent e) =>
        $"{e.StreamId}/{e.Version} {e.EventTypeName} {e.DotNetTypeName} {FactFingerprint.Of((ILedgerEvent)e.Data)} {e.CausationId} {e.UserName} {e.Timestamp:O} {string.Join(",", e.Headers!.Select(header => $"{header.Key}={header.Value}"))}";

    private static async Task<IReadOnlyList<IEvent>> EventsAsync(LedgerFixture fixture)
    {
        await using var session = fixture.Ledger.Store.QuerySession();
        return (await session.Events.QueryAllRawEvents().ToListAsync()).OrderBy(e => e.StreamId).ThenBy(e => e.Version).ToArray();
    }

    private static async Task<IReadOnlyDictionary<Guid, long>> StreamVersionsAsync(LedgerFixture fixture)
    {
        await using var session = fixture.Ledger.Store.QuerySession();
        var versions = new SortedDictionary<Guid, long>();
        foreach (var stream in (await EventsAsync(fixture)).Select(e => e.StreamId).Distinct())
        {
            versions[stream] = (await session.Events.FetchStreamStateAsync(stream))!.Version;
        }

        return versions;
    }

    /// <summary>Asserts that both ledgers give the same entries in all four views, as their questions read them.</summary>
    private async Task EntriesShouldBeTheSameAsync()
    {
        (await EntriesAsync(copied, EntryShapes.Donations)).Should().Equal(await EntriesAsync(appended, EntryShapes.Donations));
        (await EntriesAsync(copied, EntryShapes.Claims)).Should().Equal(await EntriesAsync(appended, EntryShapes.Claims));
        (await EntriesAsync(copied, EntryShapes.Agreements)).Should().Equal(await EntriesAsync(appended, EntryShapes.Agreements));
        (await EntriesAsync(copied, EntryShapes.Timeline)).Should().Equal(await EntriesAsync(appended, EntryShapes.Timeline));
    }

    /// <summary>Every entry of a view, as JSON, in order.</summary>
    private static async Task<IReadOnlyList<string>> EntriesAsync<TEntry>(LedgerFixture fixture, EntryShape<TEntry> shape)
        where TEntry : LedgerEntry
    {
        var serializer = fixture.Ledger.Store.Options.Serializer();
        return (await StoredEntries.AllAsync(fixture.Ledger, shape)).Select(entry => serializer.ToJson(entry)).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every document of a type, as the JSON the store keeps, in id order.</summary>
    private static async Task<IReadOnlyList<string>> AllAsync<T>(LedgerFixture fixture)
        where T : notnull
    {
        await using var session = fixture.Ledger.Store.QuerySession();
        var serializer = fixture.Ledger.Store.Options.Serializer();
        return (await session.Query<T>().ToListAsync()).Select(document => serializer.ToJson(document)).Order(StringComparer.Ordinal).ToArray();
    }
}
