using CooperationLedger.Facts;
using CooperationLedger.Storage;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// <c>ledger rebuild</c> killed with SIGKILL while it writes: every query answers as before the rebuild, never "none",
/// because a rebuild is one transaction that PostgreSQL rolls back when its connection dies.
/// </summary>
public sealed class KilledRebuildTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Schema = "killed_rebuild";

    [Fact]
    public async Task A_killed_rebuild_leaves_every_answer_as_it_was()
    {
        var environment = new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString };
        (await CliRunner.ChildProcessAsync(environment, "--schema", Schema, "generate", "--facts", "20000", "--seed", "5")).ExitCode.Should().Be(0);
        await using var ledger = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = Schema });
        var before = await AnswersAsync(ledger);
        var exportBefore = await CliRunner.InProcessAsync(environment, "--schema", Schema, "timeline", "--json");

        using var child = CliRunner.StartChild(environment, "--schema", Schema, "rebuild");
        (await RebuildLock.WaitUntilHeldAsync(database.ConnectionString, Schema, child.WaitForExitAsync())).Should().BeTrue("the rebuild must be under way");
        await Task.Delay(500);
        child.HasExited.Should().BeFalse("the rebuild must be killed while it writes");
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();

        (await AnswersAsync(ledger)).Should().Be(before);
        var timeline = await CliRunner.InProcessAsync(environment, "--schema", Schema, "timeline", "--json");
        timeline.ExitCode.Should().Be(0);
        timeline.Output.Should().Be(exportBefore.Output);
        // A process of its own, as a user runs it: its first use of each table comes inside the rebuild.
        var rebuild = await CliRunner.ChildProcessAsync(environment, "--schema", Schema, "rebuild");
        rebuild.ExitCode.Should().Be(0, rebuild.Error);
        (await AnswersAsync(ledger)).Should().Be(before);
    }

    [Fact]
    public async Task Entries_lost_from_the_projections_are_found_by_verify_and_restored_by_rebuild()
    {
        var environment = new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString };
        (await CliRunner.InProcessAsync(environment, "--schema", "lost_entries", "ingest", Seeds.Facts)).ExitCode.Should().Be(0);
        (await CliRunner.InProcessAsync(environment, "--schema", "lost_entries", "verify")).ExitCode.Should().Be(0);
        await LedgerInspection.ScalarAsync(database.ConnectionString, $"delete from lost_entries.{ReadTables.Facts} where id in (select id from lost_entries.{ReadTables.Facts} order by id limit 7)");

        var lost = await CliRunner.InProcessAsync(environment, "--schema", "lost_entries", "verify");
        (await CliRunner.InProcessAsync(environment, "--schema", "lost_entries", "rebuild")).ExitCode.Should().Be(0);
        var rebuilt = await CliRunner.InProcessAsync(environment, "--schema", "lost_entries", "verify");

        lost.ExitCode.Should().Be(1);
        lost.Output.Should().Contain("7 stored facts have no entry in the projections").And.Contain("ledger rebuild");
        rebuilt.ExitCode.Should().Be(0, rebuilt.Output);
        rebuilt.Output.Should().NotContain("no entry in the projections");
    }

    private static async Task<string> AnswersAsync(Ledger ledger) =>
        AnswerJson.Of(await ledger.GetDonorTotalsAsync(AsOf.Now)) + AnswerJson.Of(await ledger.GetClaimedStatisticsAsync(AsOf.Now))
        + AnswerJson.Of(await ledger.GetAgreementsAsync(AsOf.Now));
}
