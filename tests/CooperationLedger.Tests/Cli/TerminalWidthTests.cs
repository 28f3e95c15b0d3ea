using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Cli;

/// <summary>
/// The seeds' human output at 80 and 200 columns and through a pipe: every line fits, wrapping falls between words
/// (never inside a fact key or a header), and a table a width cannot hold is written in its compact form instead.
/// </summary>
public sealed class TerminalWidthTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly char[] Separators = [' ', '\n', '\r', '│', '╭', '╮', '╰', '╯', '├', '┤', '┬', '┴', '┼', '─'];

    public static TheoryData<string[]> Commands => new()
    {
        new[] { "report", "--known-on", "2011-12-31" },
        new[] { "donors", "--known-on", "2011-12-31" },
        new[] { "claims" },
        new[] { "timeline", "--actor", "GKNB" },
        new[] { "agreements" },
        new[] { "operations" },
        new[] { "audit", "cao-2011-gknb-cooperation/cn-equipment-for-gknb-2012" },
    };

    public async Task InitializeAsync() => (await RunAsync(null, "ingest", Seeds.Folder)).ExitCode.Should().Be(0);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_line_fits_80_and_200_columns_and_wraps_only_between_words(string[] command)
    {
        // What is never wrapped: the blocks of a pipe, and the tables of a width no line reaches.
        var piped = await RunAsync(null, command);
        var unbounded = await RunAsync(100_000, command);
        piped.ExitCode.Should().Be(0, piped.Error);
        var words = Words(piped.Output).Concat(Words(unbounded.Output)).ToHashSet(StringComparer.Ordinal);

        foreach (var width in new[] { 80, 200 })
        {
            var run = await RunAsync(width, command);

            run.ExitCode.Should().Be(0, run.Error);
            run.Output.Split('\n').Should().OnlyContain(line => line.Length <= width, $"every line fits {width} columns");
            Words(run.Output).Where(word => !words.Contains(word)).Should().BeEmpty($"at {width} columns a line breaks only between words that the unwrapped output has whole");
        }
    }

    [Fact]
    public async Task Donor_totals_are_a_table_at_200_columns_and_a_block_a_total_at_80()
    {
        var wide = (await RunAsync(200, "donors", "--known-on", "2011-12-31")).Output;
        var narrow = (await RunAsync(80, "donors", "--known-on", "2011-12-31")).Output;

        wide.Should().Contain("╭").And.Contain("│ Donor").And.Contain("cao-2011-gknb-cooperation/cn-equipment-for-gknb-2011");
        narrow.Should().NotContain("╭", "no table of these columns fits 80 columns without breaking a key");
        narrow.Split('\n').Should().Contain("  China").And.Contain(line => line.TrimStart().StartsWith("Sources: cao-2011-gknb-cooperation/cn-equipment-for-gknb-2011", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pipe_is_written_unwrapped_so_each_source_stays_on_one_line()
    {
        var run = await RunAsync(null, "donors", "--known-on", "2011-12-31");

        run.Output.Should().NotContain("╭");
        run.Output.Split('\n').Should().Contain(line => line.Contains("Sources: cao-2011-gknb-cooperation/cn-equipment-for-gknb-2011 (Central Asia Online, 2011-10-31..2011-12-31; Keneshbek Dushebayev)", StringComparison.Ordinal));
    }

    // A label in a block ("Donor:") is a header in a table ("Donor").
    private static IEnumerable<string> Words(string text) => text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(word => word.TrimEnd(':'));

    private Task<CliRun> RunAsync(int? width, params string[] args) => CliRunner.InProcessAsync(
        new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString, ["COLUMNS"] = width?.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        args);
}
