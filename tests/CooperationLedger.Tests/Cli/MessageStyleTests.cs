using System.Diagnostics;
using System.Text.RegularExpressions;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Cli;

/// <summary>
/// What <c>ledger</c> says when it refuses: one style (<c>file:line: fact 'key' field 'path': reason</c>), one summary
/// line, no exception type names, and "did you mean" for a misspelt command, option, actor or currency.
/// </summary>
public sealed partial class MessageStyleTests(DatabaseFixture database) : SeededCli(database)
{
    [Theory]
    [InlineData("Did you mean 'donors'?", "donrs")]
    [InlineData("Did you mean '--donor'?", "donors", "--donr", "cn")]
    [InlineData("Did you mean 'status'?", "db", "stats")]
    [InlineData("Did you mean 'status' or 'start'?", "db", "stat")]
    [InlineData("'2011-02-30' is not a day", "donors", "--from", "2011-02-30")]
    [InlineData("'2011-02-30' is not a day", "timeline", "--from", "2011-01-01", "--to", "2011-02-30")]
    [InlineData("Did you mean 'KGS'?", "donors", "--currency", "KSG")]
    public async Task A_misspelt_command_option_or_currency_is_a_usage_error_offering_the_nearest(string offered, params string[] args)
    {
        var run = await RunAsync(args);

        run.ExitCode.Should().Be(2);
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2, "one line says what is wrong, one where to read usage")
            .And.Contain(line => line.Contains(offered, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("'dushebayev' (Keneshbek Dushebayev)", "timeline", "--actor", "dushebaev")]
    [InlineData("'China' (cn)", "donors", "--donor", "Chnia")]
    [InlineData("'us' (United States)", "agreements", "--party", "KG", "--party", "Usa")]
    public async Task An_actor_the_ledger_does_not_know_is_refused_with_the_nearest_spellings_not_answered_as_none(string offered, params string[] args)
    {
        var run = await RunAsync(args);

        run.ExitCode.Should().Be(1);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("no actor in the ledger").And.Contain($"Did you mean {offered}?");
    }

    [Fact]
    public async Task An_actor_with_no_facts_of_the_question_is_still_an_empty_answer()
    {
        var run = await RunAsync("operations", "--actor", "UZ");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("none");
    }

    [Fact]
    public async Task A_mis_quoted_connection_is_refused_without_echoing_its_password()
    {
        var run = await RunAsync("donors", "--connection Host=127.0.0.1;Username=x;Password=secret123");

        run.ExitCode.Should().Be(2);
        run.All.Should().NotContain("secret123").And.Contain("Password=(hidden)");
    }

    [Fact]
    public async Task A_connection_string_of_no_known_form_is_a_usage_error_in_words()
    {
        var run = await RunAsync("donors", "--connection", "garbage=;;");

        run.ExitCode.Should().Be(2);
        run.Error.Trim().Should().Be("The connection string cannot be parsed (write it as Host=...;Database=...;Username=...).");
    }

    [Fact]
    public async Task A_number_out_of_range_is_said_in_words_without_a_type_name()
    {
        var run = await RunAsync("report", "--top", "99999999999");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--top takes a whole number from 1 to 2,147,483,647").And.NotContain("System.");
    }

    [Fact]
    public async Task A_refused_ingest_names_file_line_fact_and_field_of_every_error_then_one_summary_line()
    {
        var folder = Directory.CreateTempSubdirectory("ledger-messages-").FullName;
        try
        {
            CopyFolder(Seeds.Folder, folder);
            var file = Path.Combine(folder, "facts", "cao-2011-gknb-cooperation.yaml");
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("attributedTo: dushebayev", "attributedTo: dushebaev", StringComparison.Ordinal));

            var run = await RunAsync("ingest", "--schema", "refused_messages", folder);

            run.ExitCode.Should().Be(1);
            var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines[..^1].Should().HaveCount(6).And.OnlyContain(line => ErrorLine().IsMatch(line));
            lines[0].Should().Contain("field 'facts[1].citation.attributedTo'");
            lines[^1].Should().Be("Refused the ingest: 6 errors in 1 file; nothing was appended.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("donors")]
    [InlineData("--help")]
    [InlineData("completion bash")]
    public async Task A_closed_standard_output_is_said_in_words(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet \"$0\" {command} >&-");
        start.ArgumentList.Add(CliRunner.LedgerDll);
        start.Environment["COOPERATIONLEDGER_CONNECTION"] = Database.ConnectionString;
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(1, error);
        error.Should().Contain("Could not write to standard output").And.NotContain("Exception");
    }

    [GeneratedRegex(@"^.+\.yaml:\d+: fact '[a-z0-9-]+' field '[^']+': \S.*$")]
    private static partial Regex ErrorLine();

    private static void CopyFolder(string from, string to)
    {
        foreach (var path in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }
    }
}
