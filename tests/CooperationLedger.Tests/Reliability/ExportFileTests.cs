using CooperationLedger.Reading;
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
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task An_export_through_a_link_replaces_the_file_it_names_and_keeps_its_permissions()
    {
        (await CliRunner.InProcessAsync(Environment, "--schema", "export_link", "ingest", Seeds.Facts)).ExitCode.Should().Be(0);
        var file = Path.Combine(folder, "private.csv");
        await File.WriteAllTextAsync(file, "old\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = Path.Combine(folder, "link.csv");
        File.CreateSymbolicLink(link, file);

        var run = await CliRunner.InProcessAsync(Environment, "--schema", "export_link", "export", "--format", "csv", "--output", link);

        run.ExitCode.Should().Be(0, run.Error);
        new FileInfo(link).LinkTarget.Should().Be(file, "the link stays a link");
        (await File.ReadAllTextAsync(file)).Should().Contain("21m KGS (US $450,000)");
        File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "a confidential export stays so");
    }

    [Fact]
    public async Task An_export_to_a_fifo_or_a_device_writes_into_it_and_never_replaces_it()
    {
        (await CliRunner.InProcessAsync(Environment, "--schema", "export_special", "ingest", Seeds.Facts)).ExitCode.Should().Be(0);
        var fifo = Path.Combine(folder, "pipe.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var reader = Task.Run(() => File.ReadAllTextAsync(fifo));
        var toFifo = await CliRunner.InProcessAsync(Environment, "--schema", "export_special", "export", "--format", "csv", "--output", fifo);
        var toFull = await CliRunner.InProcessAsync(Environment, "--schema", "export_special", "export", "--format", "csv", "--output", "/dev/full");

        toFifo.ExitCode.Should().Be(0, toFifo.Error);
        (await reader.WaitAsync(TimeSpan.FromSeconds(30))).Should().Contain("21m KGS (US $450,000)");
        CorpusFile.KindOf(fifo).Should().Be(CorpusFile.FileKind.Fifo);
        toFull.ExitCode.Should().Be(1);
        toFull.Error.Should().StartWith("Cannot write '/dev/full'");
        CorpusFile.KindOf("/dev/full").Should().Be(CorpusFile.FileKind.CharacterDevice, "a device is never replaced by a file");
    }

    [Fact]
    public async Task An_unwritable_path_is_said_in_a_sentence_without_exception_names()
    {
        var run = await CliRunner.InProcessAsync(Environment, "export", "--format", "json", "--output", Path.Combine(folder, "no-such-folder", "facts.json"));

        run.ExitCode.Should().Be(1);
        run.Error.Should().StartWith("Cannot write").And.NotContain("Exception");
    }
}
