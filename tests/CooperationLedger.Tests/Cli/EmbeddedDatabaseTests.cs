using CooperationLedger.Tests.Support;

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
        first.Output.Should().Contain("Donor totals").And.Contain("21,000,000").And.Contain("Claimed statistics").And.Contain("+39.5%");
        second.ExitCode.Should().Be(0, second.Error);
        second.Error.Should().Contain("0 facts appended, 48 already present");
        second.Output.Should().Be(first.Output);
        Directory.Exists(Path.Combine(dataHome, "cooperation-ledger", "cluster", "data")).Should().BeTrue();
    }

    [Fact]
    public async Task Data_survives_stopping_and_restarting_the_embedded_cluster()
    {
        (await CliRunner.ChildProcessAsync(Environment, "ingest", Seeds.FactFile("edm-2007-v4-i101"))).ExitCode.Should().Be(0);
        (await CliRunner.ChildProcessAsync(Environment, "db", "stop")).Output.Should().Contain("stopped");
        (await CliRunner.ChildProcessAsync(Environment, "db", "status")).Output.Should().Contain("stopped");

        var timeline = await CliRunner.ChildProcessAsync(Environment, "timeline", "--actor", "PK");

        timeline.ExitCode.Should().Be(0, timeline.Error);
        timeline.Output.Should().Contain("edm-2007-v4-i101/pakistani-delegation-madumarov");
        (await CliRunner.ChildProcessAsync(Environment, "db", "path")).Output.Trim().Should().Be(Path.Combine(dataHome, "cooperation-ledger", "cluster"));
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
