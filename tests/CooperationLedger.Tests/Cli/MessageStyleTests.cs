using System.Diagnostics;
using System.Text.Json;
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
    [InlineData("--format 'cvs' is none of csv, json, prov. Did you mean 'csv'?", "export", "--format", "cvs")]
    [InlineData("--rule 'maybe' is none of certainly, possibly.", "donors", "--rule", "maybe")]
    [InlineData("Did you mean 'possibly'?", "claims", "--rule", "possibly!")]
    [InlineData("shell 'fish' is none of bash, zsh.", "completion", "fish")]
    [InlineData("--output takes the name of a file to write; '' names none.", "export", "--format", "csv", "--output", "")]
    [InlineData("--html takes the name of a file to write; ' ' names none.", "report", "--html", " ")]
    [InlineData("--metric takes a metric; '' names none.", "claims", "--metric", "")]
    [InlineData("--outlet takes an outlet's name; ' ' names none.", "donors", "--outlet", " ")]
    [InlineData("is past the last instant the ledger holds", "donors", "--recorded-at", "9999-12-31T23:59:59-14:00")]
    [InlineData("--seed takes a whole number from 0", "generate", "--facts", "5", "--seed", "-1")]
    public async Task A_misspelt_command_option_or_currency_is_a_usage_error_offering_the_nearest(string offered, params string[] args)
    {
        var run = await RunAsync(args);

        run.ExitCode.Should().Be(2);
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2, "one line says what is wrong, one where to read usage")
            .And.Contain(line => line.Contains(offered, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("export", "--format", "JSON")]
    [InlineData("donors", "--rule", "Possibly")]
    public async Task A_word_an_option_takes_is_read_in_any_case(params string[] args)
    {
        var run = await RunAsync(args);

        run.ExitCode.Should().Be(0, run.Error);
    }

    [Fact]
    public async Task A_file_that_cannot_be_written_is_said_in_words_naming_the_file_asked_for()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"ledger-no-folder-{Guid.NewGuid():N}", "facts.csv");

        var intoMissingFolder = await RunAsync("export", "--format", "csv", "--output", missing);
        var intoFullDisk = await RunAsync("export", "--format", "csv", "--output", "/dev/full");

        intoMissingFolder.ExitCode.Should().Be(1);
        intoMissingFolder.Error.Trim().Should().Be($"Cannot write '{missing}': its folder '{Path.GetDirectoryName(missing)}' does not exist; nothing was written to it.");
        intoFullDisk.ExitCode.Should().Be(1);
        intoFullDisk.Error.Should().Contain("Cannot write '/dev/full': the disk is full").And.NotContain("Exception").And.NotContain(".partial");
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

    [Theory]
    [InlineData("--document 'edm-2006-v3-i23': no document in the ledger has this key (ledger documents lists them). Did you mean 'edm-2006-v3-i223'?", "timeline", "--document", "edm-2006-v3-i23")]
    [InlineData("--outlet 'Kabr': no document in the ledger was published by this outlet or relays it. Did you mean 'Kabar'?", "donors", "--outlet", "Kabr")]
    [InlineData("--metric 'narcotic seized': no claim in the ledger is of this metric. Did you mean 'narcotics seized'?", "claims", "--metric", "narcotic seized")]
    [InlineData("--matter 'sco-summit-bishkek-2008': no fact in the ledger is about this matter. Did you mean 'sco-summit-bishkek-2007'?", "claims", "--matter", "sco-summit-bishkek-2008")]
    [InlineData("Did you mean 'Kyrgyzstan' (kg) or", "agreements", "--party", "Kyrgz")]
    public async Task A_name_the_ledger_does_not_hold_is_refused_like_an_unknown_actor_with_the_nearest(string said, params string[] args)
    {
        var run = await RunAsync(args);

        run.ExitCode.Should().Be(1, "a name that names nothing held is refused as an unknown actor is");
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain(said);
    }

    [Theory]
    [InlineData("donors", "--outlet", "kabar")]
    [InlineData("claims", "--metric", "Narcotics Seized")]
    [InlineData("timeline", "--document", "edm-2006-v3-i223")]
    public async Task A_name_the_ledger_holds_is_answered_as_its_filter_compares_it(params string[] args)
    {
        var run = await RunAsync(args);

        run.ExitCode.Should().Be(0, run.Error);
    }

    [Fact]
    public async Task Unattributed_asks_for_the_outlets_own_claims_and_a_name_is_trimmed_as_it_is_checked()
    {
        var unattributed = await RunAsync("claims", "--claimant", "unattributed");
        var spaced = await RunAsync("claims", "--metric", " narcotics seized ", "--json");

        unattributed.ExitCode.Should().Be(0, unattributed.Error);
        spaced.ExitCode.Should().Be(0, spaced.Error);
        JsonDocument.Parse(spaced.Output).RootElement.GetProperty("claims").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task What_a_message_echoes_cannot_drive_the_terminal()
    {
        var run = await RunAsync("timeline", "--actor", "j\u001b[31mRED\u001b[0m\u202Ep");

        run.ExitCode.Should().Be(1);
        run.Error.Should().NotContain("\u001b").And.NotContain("\u202E").And.Contain("\\u001B[31mRED");
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
            lines[0].Should().Contain("field 'facts[1].citation.attributedTo'").And.EndWith("Did you mean 'dushebayev'?");
            lines[^1].Should().Be("Refused the ingest: 6 errors in 1 file; nothing was appended.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_misspelt_fact_type_and_yaml_that_does_not_parse_are_said_at_their_line()
    {
        var folder = Directory.CreateTempSubdirectory("ledger-messages-").FullName;
        try
        {
            CopyFolder(Seeds.Folder, folder);
            var file = Path.Combine(folder, "facts", "cao-2011-gknb-cooperation.yaml");
            var text = await File.ReadAllTextAsync(file);
            var first = text.IndexOf("type: agreement_signed", StringComparison.Ordinal);
            await File.WriteAllTextAsync(file, string.Concat(text.AsSpan(0, first), "type: agrement_signed", text.AsSpan(first + "type: agreement_signed".Length)));
            var broken = Path.Combine(folder, "broken.yaml");
            await File.WriteAllTextAsync(broken, "document:\n  key: broken\n  title: \"unclosed\nfacts:\n  - type: x\n");

            var urlFile = Path.Combine(folder, "facts", "edm-2006-v3-i223.yaml");
            await File.WriteAllTextAsync(urlFile, (await File.ReadAllTextAsync(urlFile)).Replace("document:\n", "document:\n  url: \"ftp://example.org/a\"\n", StringComparison.Ordinal));

            var kinds = Path.Combine(folder, "facts", "edm-2007-v4-i101.yaml");
            var kindsText = await File.ReadAllTextAsync(kinds);
            var pledged = kindsText.IndexOf("stage: ", StringComparison.Ordinal);
            var stageEnd = kindsText.IndexOf('\n', pledged);
            await File.WriteAllTextAsync(kinds, string.Concat(kindsText.AsSpan(0, pledged), "stage: pledgd", kindsText.AsSpan(stageEnd)));

            var misspelt = await RunAsync("ingest", "--schema", "refused_messages", file);
            var stage = await RunAsync("ingest", "--schema", "refused_messages", kinds);
            var badUrl = await RunAsync("ingest", "--schema", "refused_messages", urlFile);
            var unparsed = await RunAsync("ingest", "--schema", "refused_messages", broken);

            misspelt.ExitCode.Should().Be(1);
            misspelt.Error.Should().Contain($"{file}:{text[..first].Count(c => c == '\n') + 1}: fact 'cn-kg-four-areas-agreement' field 'facts[0].type': 'agrement_signed' is not a fact type. Did you mean 'agreement_signed'?");
            badUrl.Error.Should().Contain($"{urlFile}:").And.Contain("field 'document.url': 'ftp://example.org/a' is not an absolute http or https address.");
            stage.Error.Should().Contain("'pledgd' is not one of: ").And.Contain("Did you mean 'pledged'?");
            unparsed.ExitCode.Should().Be(1);
            unparsed.Error.Should().MatchRegex($"^{Regex.Escape(broken)}:[3-5]: is not valid YAML: ");
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
        error.Should().Contain("Could not write to standard output").And.NotContain("Exception").And.NotContain(".partial");
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
