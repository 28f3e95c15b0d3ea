using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Storage;
using CooperationLedger.Synthetic;
using CooperationLedger.Tests.Support;
using CooperationLedger.Views;
using Marten;
using NodaTime;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// Sixteen writers at once ingest the same seed documents and each append a correction of the same claimed statistic:
/// no event is lost or duplicated, and the projections equal a replay of every event.
/// </summary>
public sealed class ConcurrentWriterTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const int Writers = 16;
    private static readonly Guid DcaClaim = FactIds.ForFact("edm-2006-v3-i223", "dca-narcotics-seized-2006");

    [Fact]
    public async Task Sixteen_writers_lose_and_duplicate_nothing_and_the_projections_equal_a_replay()
    {
        var ledgers = Enumerable.Range(0, Writers).Select(_ => Ledger.Connect(database.ConnectionString)).ToArray();
        try
        {
            await ledgers[0].MigrateAsync();
            var start = new TaskCompletionSource();
            var writers = ledgers.Select((ledger, writer) => Task.Run(async () =>
            {
                await start.Task;
                await ledger.IngestAsync([Seeds.Facts]);
                await ledger.AppendAsync(CorrectionFrom(writer));
            })).ToArray();
            start.SetResult();
            await Task.WhenAll(writers);

            await using var session = ledgers[0].Store.QuerySession();
            var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
            var seedFacts = Seeds.FactFiles.Sum(file => FactFileReader.Read(file).Events.Count);
            events.Should().HaveCount(seedFacts + Writers);
            events.Select(e => ((ILedgerEvent)e.Data).FactId).Should().OnlyHaveUniqueItems();

            var claim = await StoredEntries.OneAsync(ledgers[0], EntryShapes.Claims, DcaClaim);
            claim!.Revisions.Should().HaveCount(Writers, "every writer's correction is kept");
            var replay = EntryFold.Fold(events.Select(e => (e.Data, Instant.FromDateTimeOffset(e.Timestamp))));
            var asOf = AsOf.Now;
            AnswerJson.Of(await ledgers[0].GetClaimedStatisticsAsync(asOf)).Should().Be(AnswerJson.Of(ClaimedStatisticsAnswer.From(replay.Claims, asOf, ClaimFilter.None, replay.Actors, replay.Citations)));
            AnswerJson.Of(await ledgers[0].GetTimelineAsync(asOf, "KG")).Should().Be(AnswerJson.Of(TimelineAnswer.From(replay.Timeline, asOf, ["kg"], replay.Actors, replay.Citations)));

            // The same input from one writer, in order, into a schema of its own, answers the same.
            await using var single = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "single_writer" });
            await single.IngestAsync([Seeds.Facts]);
            for (var writer = 0; writer < Writers; writer++)
            {
                await single.AppendAsync(CorrectionFrom(writer));
            }

            Comparable(await single.GetClaimedStatisticsAsync(asOf)).Should().Be(Comparable(await ledgers[0].GetClaimedStatisticsAsync(asOf)));
            AnswerJson.Of((await single.GetDonorTotalsAsync(asOf)).Totals).Should().Be(AnswerJson.Of((await ledgers[0].GetDonorTotalsAsync(asOf)).Totals));
        }
        finally
        {
            foreach (var ledger in ledgers)
            {
                await ledger.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Four_bulk_loads_of_the_same_history_at_once_append_each_fact_once_and_the_projections_equal_a_replay()
    {
        var settings = new LedgerStoreSettings { Schema = "bulk_writers" };
        var ledgers = Enumerable.Range(0, 4).Select(_ => Ledger.Connect(database.ConnectionString, settings)).ToArray();
        try
        {
            await ledgers[0].MigrateAsync();
            var history = new SyntheticHistoryOptions(Facts: 600, Seed: 13);
            var start = new TaskCompletionSource();
            var loads = ledgers.Select(ledger => Task.Run(async () =>
            {
                await start.Task;
                return await ledger.AppendManyAsync(SyntheticHistory.GenerateAsync(history), batchFacts: 100);
            })).ToArray();
            start.SetResult();
            var reports = await Task.WhenAll(loads);

            reports.Sum(report => report.FactsAppended).Should().Be(600, "each fact is appended by exactly one of the loads");
            reports.Should().OnlyContain(report => report.FactsAppended + report.FactsAlreadyPresent == 600);
            await using var session = ledgers[0].Store.QuerySession();
            var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
            events.Select(e => ((ILedgerEvent)e.Data).FactId).Should().OnlyHaveUniqueItems().And.HaveCount(600);
            var replay = EntryFold.Fold(events.Select(e => (e.Data, Instant.FromDateTimeOffset(e.Timestamp))));
            var asOf = AsOf.Now;
            AnswerJson.Of(await ledgers[0].GetDonorTotalsAsync(asOf)).Should().Be(AnswerJson.Of(DonorTotalsAnswer.From(replay.Donations, asOf, DonationFilter.None, replay.Actors, replay.Citations)));
            AnswerJson.Of(await ledgers[0].GetClaimedStatisticsAsync(asOf)).Should().Be(AnswerJson.Of(ClaimedStatisticsAnswer.From(replay.Claims, asOf, ClaimFilter.None, replay.Actors, replay.Citations)));
        }
        finally
        {
            foreach (var ledger in ledgers)
            {
                await ledger.DisposeAsync();
            }
        }
    }

    private static DocumentFacts CorrectionFrom(int writer)
    {
        var key = $"desk-{writer:D2}-revision";
        var text = $"Desk {writer} note\n\nThe agency's figure for January to September 2006 should read {30 + writer}.5% more, the desk was told.\n";
        var document = new SourceDocument(key, $"Desk {writer}", ReportedDate.OnDay(new LocalDate(2007, 1, 1 + writer)), SourceDocument.FingerprintOf(text));
        var quote = $"should read {30 + writer}.5% more";
        var correction = new FactCorrected(
            FactIds.ForFact(key, "correction"),
            $"{key}/correction",
            DcaClaim,
            "the desk was told another figure",
            new Correction(null, 30 + writer + 0.5m, null, null),
            new Citation(document, quote, Stance.Unknown, location: QuoteVerifier.Locate(text, quote)));
        return new DocumentFacts(document, text, [correction]);
    }

    /// <summary>A claim answer without its sources' order, which follows the order of recording.</summary>
    private static string Comparable(ClaimedStatistics claims) =>
        AnswerJson.Of(claims.Claims.Select(claim => (claim.Key, claim.Measure, claim.Standing, Sources: claim.Sources.Select(source => source.Key).Order(StringComparer.Ordinal).ToArray())).ToArray());

}
