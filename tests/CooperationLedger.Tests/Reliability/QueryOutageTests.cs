using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Hosting;
using CooperationLedger.LocalCluster;
using CooperationLedger.Tests.Support;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// The database server stops under a ledger that has answered before: each question retries, says so in the log, then
/// fails with <see cref="LedgerUnavailableException"/> naming the database without its password; a question asked
/// again once the server is back is answered; a cancelled question is not retried; the tool exits with code 3.
/// </summary>
public sealed class QueryOutageTests : IAsyncLifetime
{
    private const string Password = "correct-horse-battery-staple";
    private LocalPostgresCluster cluster = null!;
    private string connection = null!;

    public async Task InitializeAsync()
    {
        cluster = await LocalPostgresCluster.StartTemporaryAsync();
        connection = new NpgsqlConnectionStringBuilder(await cluster.EnsureDatabaseAsync("queried")) { Password = Password }.ConnectionString;
        await using var ledger = Ledger.Connect(connection);
        await ledger.IngestAsync([Seeds.Folder + "/facts"]);
    }

    public Task DisposeAsync() => cluster.DisposeAsync().AsTask();

    [Fact]
    public async Task Every_question_to_a_stopped_server_retries_then_names_the_database_without_the_password()
    {
        var log = new RecordingLogger();
        await using var ledger = Ledger.Connect(connection, logger: log);
        (await ledger.GetDonorTotalsAsync(AsOf.Now)).Totals.Should().NotBeEmpty();
        await StopAsync();

        var questions = new Dictionary<string, Func<Task>>
        {
            ["donor totals"] = () => ledger.GetDonorTotalsAsync(AsOf.Now),
            ["claims"] = () => ledger.GetClaimedStatisticsAsync(AsOf.Now),
            ["agreements"] = () => ledger.GetAgreementsAsync(AsOf.Now),
            ["timeline"] = () => ledger.GetTimelineAsync(AsOf.Now),
            ["audit"] = () => ledger.AuditAsync(Guid.NewGuid()),
            ["export"] = async () => await ledger.ReadFactsAsync().CountAsync(),
            ["verify"] = () => ledger.VerifyAsync(),
            ["ingest"] = () => ledger.IngestAsync([Seeds.Folder + "/facts"]),
        };
        foreach (var (name, question) in questions)
        {
            log.Lines.Clear();
            var thrown = (await question.Should().ThrowAsync<LedgerUnavailableException>(name)).Which;

            thrown.Host.Should().NotBeNullOrEmpty(name);
            thrown.Port.Should().Be(new NpgsqlConnectionStringBuilder(connection).Port, name);
            thrown.Database.Should().Be("queried", name);
            thrown.Message.Should().Contain("database 'queried'", name).And.NotContain(Password, name);
            thrown.InnerException.Should().NotBeNull(name);
            log.Lines.Should().Contain(line => line.Contains("retry 3 of 3"), name).And.NotContain(line => line.Contains(Password), name);
        }

        await cluster.StartAsync();
        (await ledger.GetDonorTotalsAsync(AsOf.Now)).Totals.Should().NotBeEmpty("the ledger answers once the server is back");
    }

    [Theory]
    [InlineData("Database", "no_such_newsroom", "3D000")]
    [InlineData("Username", "no_such_editor", "28000")]
    public async Task A_connection_the_server_refuses_is_not_retried_and_says_what_to_check(string setting, string value, string state)
    {
        var log = new RecordingLogger();
        var refused = new NpgsqlConnectionStringBuilder(connection) { [setting] = value }.ConnectionString;
        await using var ledger = Ledger.Connect(refused, logger: log);
        var spans = new List<System.Diagnostics.Activity>();
        using var parent = new System.Diagnostics.Activity("refused-connection-test").Start();
        var trace = parent.TraceId;
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == LedgerTelemetry.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            // The listener hears every ledger of the process: tests running beside this one are told apart by trace.
            ActivityStopped = span =>
            {
                if (span.TraceId == trace)
                {
                    lock (spans)
                    {
                        spans.Add(span);
                    }
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        Func<Task>[] calls = [() => ledger.GetDonorTotalsAsync(AsOf.Now), () => ledger.IngestAsync([Seeds.Folder + "/facts"])];

        foreach (var call in calls)
        {
            var thrown = (await call.Should().ThrowAsync<LedgerUnavailableException>()).Which;
            thrown.Message.Should().Contain("refused the connection").And.Contain(state).And.Contain("check the connection string").And.NotContain(Password);
        }

        log.Lines.Should().NotContain(line => line.Contains("retry"), "no retry mends a refused login or a missing database");
        spans.Should().NotBeEmpty().And.OnlyContain(span => (string?)span.GetTagItem("error.type") == typeof(LedgerUnavailableException).FullName, "a span's error is the one its caller is given");
    }

    [Fact]
    public void A_connection_string_that_names_no_server_is_refused_naming_the_option()
    {
        var act = () => Ledger.Connect(new LedgerOptions { ConnectionString = "Host=;Database=newsroom" });

        act.Should().Throw<ArgumentException>().WithMessage("*LedgerOptions.ConnectionString names no server*Host*");
    }

    [Fact]
    public async Task A_question_cancelled_while_it_waits_to_retry_is_cancelled_at_once_and_not_retried_again()
    {
        var log = new RecordingLogger();
        await using var ledger = Ledger.Connect(connection, logger: log);
        await StopAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var cancelling = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));

        var before = () => ledger.GetDonorTotalsAsync(AsOf.Now, cancellationToken: cancelled.Token);
        await before.Should().ThrowAsync<OperationCanceledException>();
        log.Lines.Should().NotContain(line => line.Contains("retry"), "a cancelled question is not retried");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var during = () => ledger.GetDonorTotalsAsync(AsOf.Now, cancellationToken: cancelling.Token);
        await during.Should().ThrowAsync<OperationCanceledException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1.4), "the wait for the second retry is cut short");
        log.Lines.Should().Contain(line => line.Contains("retry 1 of 3")).And.NotContain(line => line.Contains("retry 3 of 3"));
        await cluster.StartAsync();
    }

    [Fact]
    public async Task The_tool_asked_a_question_of_a_stopped_server_exits_with_code_3_in_one_line()
    {
        await StopAsync();

        var run = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = connection }, "donors");
        await cluster.StartAsync();

        run.ExitCode.Should().Be(3, run.All);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.Contains("retry")).ToArray();
        lines.Should().ContainSingle().Which.Should().Contain("unavailable").And.Contain("database 'queried'");
        run.All.Should().NotContain(Password);
    }

    private async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await cluster.StopAsync();
    }

    private sealed class RecordingLogger : ILogger<Ledger>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
