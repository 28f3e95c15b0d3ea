using CooperationLedger.Facts;
using CooperationLedger.LocalCluster;
using CooperationLedger.Tests.Support;
using Marten;
using Npgsql;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// The database server stops in the middle of an ingest: the tool retries (and says so), then fails with exit code 3 and a
/// message naming the database without its password, having appended no part of a document; after a restart the same
/// command completes.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const string Password = "correct-horse-battery-staple";
    private readonly string folder = Directory.CreateTempSubdirectory("ledger-outage-").FullName;
    private LocalPostgresCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await LocalPostgresCluster.StartTemporaryAsync();

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_stopped_server_gives_exit_code_3_without_the_password_and_a_rerun_after_restart_completes()
    {
        var expected = LargeCorpus.Write(folder, copies: 100);
        var connection = new NpgsqlConnectionStringBuilder(await cluster.EnsureDatabaseAsync("outage")) { Password = Password }.ConnectionString;
        var environment = new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = connection };
        await using (var ledger = Ledger.Connect(connection))
        {
            await ledger.MigrateAsync();
        }

        var child = CliRunner.StartChild(environment, "ingest", folder);
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        await WaitForEventsAsync(connection, 300);
        NpgsqlConnection.ClearAllPools();
        await cluster.StopAsync();
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var printed = await output + await error;

        child.ExitCode.Should().Be(3, printed);
        printed.Should().Contain("unavailable").And.Contain("database 'outage'").And.Contain("retry");
        printed.Should().NotContain(Password);

        await cluster.StartAsync();
        await AssertNoHalfDocumentsAsync(connection, expected, complete: false);
        var rerun = await CliRunner.ChildProcessAsync(environment, "ingest", folder);
        rerun.ExitCode.Should().Be(0, rerun.Error);
        await AssertNoHalfDocumentsAsync(connection, expected, complete: true);
    }

    private static async Task WaitForEventsAsync(string connection, int count)
    {
        await using var ledger = Ledger.Connect(connection);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            await using var session = ledger.Store.QuerySession();
            if (await session.Events.QueryAllRawEvents().CountAsync() >= count)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The ingest did not reach {count} events.");
    }

    private static async Task AssertNoHalfDocumentsAsync(string connection, IReadOnlyDictionary<string, int> expected, bool complete)
    {
        await using var ledger = Ledger.Connect(connection);
        await using var session = ledger.Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().ToListAsync();
        var documents = events.GroupBy(e => ((ILedgerEvent)e.Data).Citation.Document.Key).ToArray();
        documents.Should().OnlyContain(document => document.Count() == expected[document.Key], "no document is half-appended");
        if (complete)
        {
            documents.Should().HaveCount(expected.Count);
            events.Select(e => ((ILedgerEvent)e.Data).FactId).Should().OnlyHaveUniqueItems();
        }
        else
        {
            documents.Length.Should().BeLessThan(expected.Count, "the outage came in the middle");
        }
    }
}
