using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// <c>ledger export --output FILE</c> writes the file whole or not at all: an export that fails midway leaves the file
/// that was there before as it was, and a path that cannot be written is said in a sentence.
/// </summary>
public sealed class ExportFileTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ledger-export-").FullName;

    private Dictionary<string, string?> Environment => new() { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task An_export_that_fails_midway_leaves_the_file_it_was_asked_to_write_untouched()
    {
        (await CliRunner.InProcessAsync(Environment, "--schema", "export_broken", "ingest", Seeds.Facts)).ExitCode.Should().Be(0);
        await LedgerInspection.ScalarAsync(database.ConnectionString, "drop table export_broken.mt_events cascade");
        var keep = Path.Combine(folder, "keep.csv");
        await File.WriteAllTextAsync(keep, "the researcher's earlier export\n");

        var run = await CliRunner.InProcessAsync(Environment, "--schema", "export_broken", "export", "--format", "csv", "--output", keep);

        run.ExitCode.Should().NotBe(0);
        (await File.ReadAllTextAsync(keep)).Should().Be("the researcher's earlier export\n");
        Directory.GetFiles(folder).Should().Equal([keep], "no partial file is left beside it");
    }

    [Fact]
    public async Task An_export_that_succeeds_replaces_the_file_whole()
    {
        (await CliRunner.InProcessAsync(Environment, "--schema", "export_whole", "ingest", Seeds.Facts)).ExitCode.Should().Be(0);
        var file = Path.Combine(folder, "facts.csv");
        await File.WriteAllTextAsync(file, "old\n");

        var run = await CliRunner.InProcessAsync(Environment, "--schema", "export_whole", "export", "--format", "csv", "--output", file);

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("Exported 48 facts");
        var text = await File.ReadAllTextAsync(file);
        text.Should().NotStartWith("old").And.Contain("21m KGS (US $450,000)");
        Directory.GetFiles(folder).Should().Equal([file]);
    }

    [Fact]
    public async Task An_unwritable_path_is_said_in_a_sentence_without_exception_names()
    {
        var run = await CliRunner.InProcessAsync(Environment, "export", "--format", "json", "--output", Path.Combine(folder, "no-such-folder", "facts.json"));

        run.ExitCode.Should().Be(1);
        run.Error.Should().StartWith("Cannot write").And.NotContain("Exception");
    }
}
