using CooperationLedger.LocalCluster;
using CooperationLedger.Tests.Support;
using Npgsql;

namespace CooperationLedger.Tests.Cli;

/// <summary>The real <c>ledger</c>, as a child process, with no connection: the embedded cluster in the user's data folder.</summary>
public sealed class EmbeddedDatabaseTests : IAsyncLifetime
{
    private readonly string dataHome = Directory.CreateTempSubdirectory("ledger-xdg-").FullName;

    private Dictionary<string, string?> Environment => new() { ["XDG_DATA_HOME"] = dataHome };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await CliRunner.ChildProcessAsync(Environment, "db", "stop");
        Directory.Delete(dataHome, recursive: true);
    }

    [Fact]
    public async Task The_main_job_creates_the_embedded_cluster_ingests_the_seeds_and_a_rerun_prints_the_same_report()
    {
        (await CliRunner.ChildProcessAsync(Environment, "db", "status")).Output.Should().Contain("not created");

        var first = await CliRunner.ChildProcessAsync(Environment, "report", "--ingest", Seeds.Folder, "--known-on", "2011-12-31");
        var second = await CliRunner.ChildProcessAsync(Environment, "report", "--ingest", Seeds.Folder, "--known-on", "2011-12-31");

        first.ExitCode.Should().Be(0, first.Error);
        first.Error.Should().Contain("Creating the embedded PostgreSQL cluster").And.Contain("48 facts appended");
        first.Output.Should().Contain("Who gave what to whom").And.Contain("21,000,000 KGS pledged").And.Contain("Claimed statistics").And.Contain("+39.5%");
        second.ExitCode.Should().Be(0, second.Error);
        second.Error.Should().Contain("0 facts appended, 48 already present");
        second.Output.Should().Be(first.Output);
        (await CliRunner.ChildProcessAsync(Environment, "db", "status")).Output.Should().Contain("ledger: 5 documents, 48 facts, 0 corrections and retractions");
        var status = System.Text.Json.JsonDocument.Parse((await CliRunner.ChildProcessAsync(Environment, "db", "status", "--json")).Output).RootElement;
        status.GetProperty("cluster").GetProperty("state").GetString().Should().Be("running");
        status.GetProperty("ledger").GetProperty("facts").GetInt64().Should().Be(48);
        status.GetProperty("ledger").GetProperty("documents").GetInt32().Should().Be(5);
        Directory.Exists(Path.Combine(dataHome, "cooperation-ledger", "cluster", "data")).Should().BeTrue();
    }

    [Fact]
    public async Task Data_survives_stopping_and_restarting_the_embedded_cluster()
    {
        (await CliRunner.ChildProcessAsync(Environment, "ingest", Seeds.FactFile("edm-2007-v4-i101"))).ExitCode.Should().Be(0);
        (await CliRunner.ChildProcessAsync(Environment, "db", "stop")).Output.Should().Contain("stopped");
        (await CliRunner.ChildProcessAsync(Environment, "db", "status")).Output.Should().Contain("stopped");
        var stopped = System.Text.Json.JsonDocument.Parse((await CliRunner.ChildProcessAsync(Environment, "db", "status", "--json")).Output).RootElement;
        stopped.GetProperty("cluster").GetProperty("state").GetString().Should().Be("stopped");
        stopped.TryGetProperty("ledger", out _).Should().BeFalse("a stopped cluster's ledger is not counted");

        var timeline = await CliRunner.ChildProcessAsync(Environment, "timeline", "--actor", "PK");

        timeline.ExitCode.Should().Be(0, timeline.Error);
        timeline.Output.Should().Contain("edm-2007-v4-i101/pakistani-delegation-madumarov");
        (await CliRunner.ChildProcessAsync(Environment, "db", "path")).Output.Trim().Should().Be(Path.Combine(dataHome, "cooperation-ledger", "cluster"));
    }

    [Fact]
    public async Task Three_commands_started_at_once_on_a_fresh_data_folder_share_one_cluster_and_all_succeed()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => CliRunner.ChildProcessAsync(Environment, "donors")));

        runs.Should().AllSatisfy(run => run.ExitCode.Should().Be(0, run.All));
        (await CliRunner.ChildProcessAsync(Environment, "db", "status")).Output.Should().StartWith("running");
    }

    [Fact]
    public async Task Db_start_status_and_stop_started_at_once_on_a_fresh_data_folder_all_succeed()
    {
        var runs = await Task.WhenAll(
            CliRunner.ChildProcessAsync(Environment, "db", "start"),
            CliRunner.ChildProcessAsync(Environment, "db", "start"),
            CliRunner.ChildProcessAsync(Environment, "db", "status"),
            CliRunner.ChildProcessAsync(Environment, "db", "stop"));

        runs.Should().AllSatisfy(run => run.ExitCode.Should().Be(0, run.All));
        runs[0].Output.Should().StartWith("running");
        runs[1].Output.Should().StartWith("running");
    }

    [Fact]
    public async Task The_embedded_server_caches_pages_in_the_memory_COOPERATIONLEDGER_SHARED_BUFFERS_asks_for()
    {
        var environment = Environment;
        environment["COOPERATIONLEDGER_SHARED_BUFFERS"] = "192MB";

        var start = await CliRunner.ChildProcessAsync(environment, "db", "start");

        start.ExitCode.Should().Be(0, start.All);
        var running = await LocalPostgresCluster.StartPersistentAsync(Path.Combine(dataHome, "cooperation-ledger", "cluster"));
        (await LedgerInspection.SettingMegabytesAsync(running.ConnectionString, "shared_buffers")).Should().Be(192);
        NpgsqlConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_size_of_buffers_the_tool_cannot_read_is_a_usage_error_that_names_the_variable()
    {
        var environment = Environment;
        environment["COOPERATIONLEDGER_SHARED_BUFFERS"] = "lots";

        var run = await CliRunner.InProcessAsync(environment, "db", "start");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("COOPERATIONLEDGER_SHARED_BUFFERS: 'lots' is not a size").And.Contain("such as 512MB or 1GB");
        Directory.Exists(Path.Combine(dataHome, "cooperation-ledger", "cluster")).Should().BeFalse("nothing is created with a size it cannot read");
        var query = await CliRunner.InProcessAsync(environment, "donors");
        query.ExitCode.Should().Be(2);
        Directory.Exists(Path.Combine(dataHome, "cooperation-ledger")).Should().BeFalse("a command that needs the cluster refuses the size before it looks for one");
    }

    [Fact]
    public async Task Without_postgresql_programs_or_a_connection_the_tool_says_how_to_get_them_and_exits_3()
    {
        var environment = Environment;
        environment["COOPERATIONLEDGER_POSTGRES_BIN"] = Path.Combine(dataHome, "no-postgres-here");

        var run = await CliRunner.ChildProcessAsync(environment, "donors");

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain("apt-get install postgresql").And.Contain("--connection");
    }
}
