using CooperationLedger.Facts;
using CooperationLedger.Storage;
using CooperationLedger.Synthetic;
using CooperationLedger.Tests.Support;
using Marten;
using NodaTime;

namespace CooperationLedger.Tests.Ingestion;

/// <summary>
/// A bulk append writes the next batch beside the one before it. Given a generated history appended in small batches,
/// the events still follow the input in the store's sequence and in recorded time; given a batch that is refused
/// while the next one is being written, the batches before it are in the ledger and nothing from it or after it is;
/// and given an append cancelled part-way, whole documents are in the ledger and appending again adds the rest.
/// </summary>
public sealed class BulkAppendTests : IAsyncLifetime
{
    private static readonly SyntheticHistoryOptions Options = new(Facts: 600, Seed: 11);

    private readonly LedgerFixture fixture = new();

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Batches_written_side_by_side_keep_the_order_of_the_input()
    {
        fixture.Clock.AutoAdvance = Duration.FromMilliseconds(1);
        var documents = SyntheticHistory.Generate(Options).ToArray();

        var report = await fixture.Ledger.AppendManyAsync(documents.ToAsyncEnumerable(), batchFacts: 50);

        report.FactsAppended.Should().Be(600);
        await using var session = fixture.Ledger.Store.QuerySession();
        var events = (await session.Events.QueryAllRawEvents().ToListAsync()).OrderBy(e => e.Sequence).ToArray();
        events.Select(e => ((ILedgerEvent)e.Data).Citation.Document.Key).Distinct().Should().Equal(documents.Select(document => document.Document.Key));
        events.Select(e => e.Timestamp).Should().BeInAscendingOrder("each document is recorded after the one before it, in whichever batch");
        var revisions = events.Select(e => e.Data).OfType<IRevision>().Count();
        revisions.Should().BePositive();
        (await StoredEntries.AllAsync(fixture.Ledger, EntryShapes.Timeline)).Sum(entry => entry.Revisions.Count).Should().Be(revisions, "every revision reached the entry it revises, whichever batch wrote that entry");
    }

    [Fact]
    public async Task A_refused_batch_keeps_the_batches_before_it_and_nothing_after_it()
    {
        var documents = SyntheticHistory.Generate(Options).ToArray();
        var batches = BatchesOf(documents, batchFacts: 50);
        var bad = Array.FindIndex(documents, document => batches[document.Document.Key] >= 3 && document.Facts.Any(fact => fact is FactRetracted));
        bad.Should().BePositive();
        var refused = batches[documents[bad].Document.Key];
        batches.Values.Max().Should().BeGreaterThan(refused + 1, "batches follow the refused one");
        documents[bad] = documents[bad] with
        {
            Facts = documents[bad].Facts.Select(fact => fact is FactRetracted retraction ? retraction with { Revises = Guid.NewGuid() } : fact).ToArray(),
        };

        var act = () => fixture.Ledger.AppendManyAsync(documents.ToAsyncEnumerable(), batchFacts: 50);

        (await act.Should().ThrowAsync<FactFileException>()).Which.Errors.Should().OnlyContain(error => error.Reason.Contains("neither in the ledger nor in this ingest"));
        var stored = await StoredFactsByDocumentAsync();
        stored.Keys.Should().BeEquivalentTo(documents.Where(document => batches[document.Document.Key] < refused).Select(document => document.Document.Key));
        stored.Values.Sum().Should().Be(documents.Where(document => batches[document.Document.Key] < refused).Sum(document => document.Facts.Count));
    }

    [Fact]
    public async Task A_bulk_append_cancelled_part_way_keeps_whole_documents_and_the_next_append_adds_the_rest()
    {
        var documents = SyntheticHistory.Generate(Options).ToArray();
        using var cancellation = new CancellationTokenSource();

        // The source asks for the append to stop once it has handed over the facts of four batches of 50, while
        // batches are being written.
        async IAsyncEnumerable<DocumentFacts> StoppedPartWay()
        {
            var handed = 0;
            foreach (var document in documents)
            {
                if ((handed += document.Facts.Count) > 200)
                {
                    await cancellation.CancelAsync();
                }

                yield return document;
                await Task.Yield();
            }
        }

        var act = () => fixture.Ledger.AppendManyAsync(StoppedPartWay(), batchFacts: 50, cancellationToken: cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        var stored = await StoredFactsByDocumentAsync();
        stored.Values.Sum().Should().BeInRange(1, 250, "it stopped part-way, after some batches were written");
        stored.Should().OnlyContain(document => document.Value == documents.Single(d => d.Document.Key == document.Key).Facts.Count, "a document is appended whole or not at all");

        var rest = await fixture.Ledger.AppendManyAsync(documents.ToAsyncEnumerable(), batchFacts: 50);
        rest.FactsAppended.Should().Be(600 - stored.Values.Sum());
        (await StoredFactsByDocumentAsync()).Values.Sum().Should().Be(600);
    }

    private async Task<Dictionary<string, int>> StoredFactsByDocumentAsync()
    {
        await using var session = fixture.Ledger.Store.QuerySession();
        var keys = await session.Query<IndexedFact>().Select(record => record.DocumentKey).ToListAsync();
        return keys.GroupBy(key => key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
    }

    /// <summary>The batch each document falls in, numbered from 0, as a bulk append of about <paramref name="batchFacts"/> facts cuts them.</summary>
    private static Dictionary<string, int> BatchesOf(IEnumerable<DocumentFacts> documents, int batchFacts)
    {
        var batches = new Dictionary<string, int>(StringComparer.Ordinal);
        var (batch, pending) = (0, 0);
        foreach (var document in documents)
        {
            batches[document.Document.Key] = batch;
            pending += document.Facts.Count;
            if (pending >= batchFacts)
            {
                (batch, pending) = (batch + 1, 0);
            }
        }

        return batches;
    }
}
