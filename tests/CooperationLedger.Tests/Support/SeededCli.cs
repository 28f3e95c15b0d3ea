using System.Text.Json;

namespace CooperationLedger.Tests.Support;

/// <summary>
/// A test class that runs the real <c>ledger</c> in process against a database of its own into which the seeds are
/// ingested first: the stories of the tool's output are told from them.
/// </summary>
public abstract class SeededCli(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    protected DatabaseFixture Database => database;

    public virtual async Task InitializeAsync() => (await RunAsync("ingest", Seeds.Folder)).ExitCode.Should().Be(0);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs <c>ledger</c> with the test database as its connection.</summary>
    protected Task<CliRun> RunAsync(params string[] args) =>
        CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString }, args);

    /// <summary>Runs <c>ledger</c>, requires success, and reads its JSON.</summary>
    protected async Task<JsonElement> JsonAsync(params string[] args)
    {
        var run = await RunAsync(args);
        run.ExitCode.Should().Be(0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }
}
