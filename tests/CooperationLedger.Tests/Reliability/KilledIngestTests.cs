using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Storage;
using CooperationLedger.Tests.Support;
using CooperationLedger.Views;
using Marten;
using NodaTime;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// <c>ledger ingest</c> killed with SIGKILL in the middle of a large ingest, then run again: the ledger ends as one clean
/// ingest would leave it, with no duplicate, no half-appended document, and projections that equal a replay.
/// </summary>
public sealed class KilledIngestTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const int Copies = 120;
    private readonly string folder = Directory.CreateTempSubdirectory("ledger-killed-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_killed_ingest_run_again_ends_as_one_clean_ingest()
    {
        var expected = LargeCorpus.Write(folder, Copies);
        var environment = new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString };
        await using var ledger = Ledger.Connect(database.ConnectionString);
        await ledger.MigrateAsync();

        using var child = CliRunner.StartChild(environment, "ingest", folder);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await ledger.CountEventsAsync() < 500 && DateTime.UtcNow < deadline && !child.HasExited)
        {
            await Task.Delay(100);
        }

        child.HasExited.Should().BeFalse("the ingest must be killed while it runs");
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        var afterKill = await ledger.CountEventsAsync();
        afterKill.Should().BeInRange(500, expected.Values.Sum() - 1, "the kill came in the middle");

        var rerun = await CliRunner.ChildProcessAsync(environment, "ingest", folder);

        rerun.ExitCode.Should().Be(0, rerun.Error);
        await using var session = ledger.Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        events.Should().HaveCount(expected.Values.Sum());
        events.Select(e => ((ILedgerEvent)e.Data).FactId).Should().OnlyHaveUniqueItems();
        events.GroupBy(e => ((ILedgerEvent)e.Data).Citation.Document.Key)
            .Should().OnlyContain(document => document.Count() == expected[document.Key], "no document is half-appended");
        (await session.Query<IndexedFact>().CountAsync()).Should().Be(events.Count);
        var replay = EntryFold.Fold(events.Select(e => (e.Data, Instant.FromDateTimeOffset(e.Timestamp))));
        (await ledger.GetTimelineAsync(AsOf.Now)).Should().HaveCount(replay.Timeline.Count());
        Json((await ledger.GetDonorTotalsAsync(AsOf.Now)).Totals.Select(total => (total.Donor.Id, total.Recipient.Id, total.Pledged, total.Realised, total.Donations)))
            .Should().Be(Json(DonorTotalsAnswer.From(replay.Donations, AsOf.Now, DonationFilter.None, replay.Actors, replay.Citations).Totals.Select(total => (total.Donor.Id, total.Recipient.Id, total.Pledged, total.Realised, total.Donations))));
    }

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value, FactFingerprint.Json);
}
