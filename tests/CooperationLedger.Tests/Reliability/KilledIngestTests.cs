using System.Diagnostics;
using CooperationLedger.Facts;
using CooperationLedger.Ingestion;
using CooperationLedger.Tests.Support;
using CooperationLedger.Time;
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
        var expected = WriteLargeCorpus();
        var environment = new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString };
        await using var ledger = Ledger.Connect(database.ConnectionString);
        await ledger.MigrateAsync();

        var child = StartIngest(environment);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await CountEventsAsync(ledger) < 500 && DateTime.UtcNow < deadline && !child.HasExited)
        {
            await Task.Delay(100);
        }

        child.HasExited.Should().BeFalse("the ingest must be killed while it runs");
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        var afterKill = await CountEventsAsync(ledger);
        afterKill.Should().BeInRange(500, expected.Values.Sum() - 1, "the kill came in the middle");

        var rerun = await CliRunner.ChildProcessAsync(environment, "ingest", folder);

        rerun.ExitCode.Should().Be(0, rerun.Error);
        await using var session = ledger.Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        events.Should().HaveCount(expected.Values.Sum());
        events.Select(e => ((ILedgerEvent)e.Data).FactId).Should().OnlyHaveUniqueItems();
        events.GroupBy(e => ((ILedgerEvent)e.Data).Citation.Document.Key)
            .Should().OnlyContain(document => document.Count() == expected[document.Key], "no document is half-appended");
        (await session.Query<FactRecord>().CountAsync()).Should().Be(events.Count);
        var replay = EventReplay.Fold(events.Select(e => (e.Data, Instant.FromDateTimeOffset(e.Timestamp))));
        (await ledger.GetTimelineAsync(AsOf.Now)).Should().HaveCount(replay.Timeline.Count());
        Json((await ledger.GetDonorTotalsAsync(AsOf.Now)).Totals.Select(total => (total.Donor.Id, total.Recipient.Id, total.Pledged, total.Realised, total.Donations)))
            .Should().Be(Json(Donations.DonorTotalsAnswer.From(replay.Donations, AsOf.Now, Donations.DonationFilter.None).Totals.Select(total => (total.Donor.Id, total.Recipient.Id, total.Pledged, total.Realised, total.Donations))));
    }

    /// <summary>Writes the five seed documents many times over, each copy under its own document key.</summary>
    private Dictionary<string, int> WriteLargeCorpus()
    {
        var articles = Path.Combine(folder, "articles");
        Directory.CreateDirectory(articles);
        foreach (var article in Directory.GetFiles(Path.Combine(Seeds.Folder, "articles")))
        {
            File.Copy(article, Path.Combine(articles, Path.GetFileName(article)));
        }

        var expected = new Dictionary<string, int>();
        var facts = Path.Combine(folder, "facts");
        Directory.CreateDirectory(facts);
        foreach (var seed in Seeds.FactFiles)
        {
            var parsed = FactFileReader.Read(seed);
            var text = File.ReadAllText(seed);
            for (var copy = 0; copy < Copies; copy++)
            {
                var key = $"{parsed.Document.Key}-copy-{copy:D3}";
                File.WriteAllText(Path.Combine(facts, key + ".yaml"), text.Replace($"  key: {parsed.Document.Key}\n", $"  key: {key}\n", StringComparison.Ordinal));
                expected[key] = parsed.Events.Count;
            }
        }

        return expected;
    }

    private Process StartIngest(IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ledger.dll"));
        start.ArgumentList.Add("ingest");
        start.ArgumentList.Add(folder);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static async Task<int> CountEventsAsync(Ledger ledger)
    {
        await using var session = ledger.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value, FactFingerprint.Json);
}
