using System.Diagnostics;
using CooperationLedger.Facts;
using CooperationLedger.Storage;
using CooperationLedger.Tests.Support;
using Marten;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// Ctrl-C (SIGINT) in the middle of <c>ledger ingest</c> and <c>ledger generate</c>, or a termination request (SIGTERM):
/// each stops at the next document or batch, exits with 130 as a shell expects of an interrupted command, and leaves
/// only whole documents.
/// </summary>
public sealed class InterruptedRunTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ledger-interrupted-").FullName;

    private Dictionary<string, string?> Environment => new() { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task An_interrupted_ingest_exits_130_with_whole_documents_and_a_rerun_completes_it()
    {
        var expected = LargeCorpus.Write(folder, 120);
        await using var ledger = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "interrupted_ingest" });
        await ledger.MigrateAsync();

        var run = await InterruptAsync(ledger, 300, "INT", "--schema", "interrupted_ingest", "ingest", folder);

        run.ExitCode.Should().Be(130, run.Error);
        run.Error.Should().Contain("Cancelled");
        var counts = await DocumentCountsAsync(ledger);
        counts.Values.Sum().Should().BeInRange(300, expected.Values.Sum() - 1, "it stopped part-way");
        counts.Should().OnlyContain(document => document.Value == expected[document.Key], "no document is half-appended");
        (await CliRunner.ChildProcessAsync(Environment, "--schema", "interrupted_ingest", "ingest", folder)).ExitCode.Should().Be(0);
        (await DocumentCountsAsync(ledger)).Values.Sum().Should().Be(expected.Values.Sum());
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task An_interrupted_or_terminated_generate_exits_130_with_whole_batches(string signal)
    {
        var schema = $"interrupted_generate_{signal.ToLowerInvariant()}";
        await using var ledger = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = schema });
        await ledger.MigrateAsync();

        var run = await InterruptAsync(ledger, 2_000, signal, "--schema", schema, "generate", "--facts", "200000", "--seed", "3");

        run.ExitCode.Should().Be(130, run.Error);
        await using var session = ledger.Store.QuerySession();
        var events = (await session.Events.QueryAllRawEvents().ToListAsync()).Count(e => e.Data is ILedgerEvent);
        events.Should().BeInRange(2_000, 199_999);
        (await session.Query<IndexedFact>().CountAsync()).Should().Be(events, "each batch is whole: its events and its fact index together");
    }

    [Fact]
    public async Task An_export_cancelled_between_facts_stops_at_the_next_one()
    {
        await using var ledger = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "interrupted_export" });
        await ledger.IngestAsync([Seeds.Facts]);
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        var act = async () =>
        {
            await foreach (var fact in ledger.ReadFactsAsync(cancellation.Token))
            {
                read++;
                await cancellation.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        read.Should().Be(1, "the seeds hold dozens of facts, and the read stops at the one after the cancellation");
    }

    /// <summary>Starts the tool, sends it <paramref name="signal"/> once the ledger holds <paramref name="events"/> events, and waits for it.</summary>
    private async Task<CliRun> InterruptAsync(Ledger ledger, int events, string signal, params string[] args)
    {
        using var child = CliRunner.StartChild(Environment, args);
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (await ledger.CountEventsAsync() < events && DateTime.UtcNow < deadline && !child.HasExited)
        {
            await Task.Delay(50);
        }

        child.HasExited.Should().BeFalse("the run must be interrupted while it runs");
        using (var kill = Process.Start("kill", [$"-{signal}", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await child.WaitForExitAsync(timeout.Token);
        return new CliRun(child.ExitCode, await output, await error);
    }

    private static async Task<Dictionary<string, int>> DocumentCountsAsync(Ledger ledger)
    {
        await using var session = ledger.Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().ToListAsync();
        // An append cancelled after Marten reserved its sequence numbers leaves tombstone events in their place.
        return events.Select(e => e.Data).OfType<ILedgerEvent>().GroupBy(e => e.Citation.Document.Key).ToDictionary(group => group.Key, group => group.Count());
    }
}
