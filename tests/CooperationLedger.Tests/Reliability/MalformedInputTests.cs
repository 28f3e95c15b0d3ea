using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Reliability;

/// <summary>Every file of the malformed corpus (one defect each) is refused with file, fact, field and reason, and nothing is appended.</summary>
public sealed class MalformedInputTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Fixtures", "malformed");

    public static TheoryData<string> MalformedFiles => new(Directory.GetFiles(Corpus, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void The_corpus_has_at_least_forty_files_and_its_base_is_valid()
    {
        Directory.GetFiles(Corpus, "*.yaml").Should().HaveCountGreaterThanOrEqualTo(40);
        FactFileReader.Read(Fixtures.FactFile("malformed-base")).Events.Should().HaveCount(2);
    }

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_is_refused_with_where_and_why_and_nothing_is_appended(string name)
    {
        var path = Path.Combine(Corpus, name);
        var before = await fixture.Ledger.CountEventsAsync();

        var act = () => fixture.Ledger.IngestAsync([path]);

        var errors = (await act.Should().ThrowAsync<FactFileException>()).Which.Errors;
        errors.Should().NotBeEmpty().And.OnlyContain(error => error.File.EndsWith(name, StringComparison.Ordinal) || error.File.EndsWith(".txt", StringComparison.Ordinal));
        errors.Should().OnlyContain(error => error.Reason.Length > 10);
        (await fixture.Ledger.CountEventsAsync()).Should().Be(before);

        var cli = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString }, "ingest", path);
        cli.ExitCode.Should().Be(1);
        cli.Error.Should().Contain("nothing was appended");
        cli.Error.Should().NotContain("::", "an error of the whole file says the file and why, with no empty place between")
            .And.NotContain("warning: Refused", "the refusal is said once, with its errors");
    }

    [Fact]
    public async Task A_conflicting_re_ingest_is_refused_by_the_tool_with_exit_code_1_and_nothing_appended()
    {
        var environment = new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString };
        var folder = Directory.CreateTempSubdirectory("ledger-conflict-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "facts"));
            Directory.CreateDirectory(Path.Combine(folder, "articles"));
            File.Copy(Fixtures.Article("malformed-base.txt"), Path.Combine(folder, "articles", "malformed-base.txt"));
            var file = Path.Combine(folder, "facts", "conflict.yaml");
            var original = await File.ReadAllTextAsync(Fixtures.FactFile("malformed-base"));
            await File.WriteAllTextAsync(file, original);
            (await CliRunner.InProcessAsync(environment, "ingest", file)).ExitCode.Should().Be(0);
            var before = await fixture.Ledger.CountEventsAsync();
            await File.WriteAllTextAsync(file, original.Replace("value: 12,", "value: 14,", StringComparison.Ordinal));

            var run = await CliRunner.InProcessAsync(environment, "ingest", file);

            run.ExitCode.Should().Be(1);
            run.Error.Should().Contain("conflict.yaml").And.Contain("heroin-2009").And.Contain("already holds").And.Contain("12").And.Contain("14");
            (await fixture.Ledger.CountEventsAsync()).Should().Be(before);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("unknown-fact-field", "radio-sets", "facts[0].colour")]
    [InlineData("quote-not-in-article", "heroin-2009", "facts[1].citation.quote")]
    [InlineData("unknown-currency", "radio-sets", "facts[0].value.currency")]
    [InlineData("impossible-day", "heroin-2009", "facts[1].date")]
    [InlineData("effective-after-publication", "heroin-2009", "date")]
    [InlineData("unknown-actor", "radio-sets", "facts[0].donor")]
    [InlineData("duplicate-fact-key", "radio-sets", "facts[1].key")]
    [InlineData("control-character", "heroin-2009", "facts[1].metric")]
    [InlineData("huge-quote", "heroin-2009", "facts[1].citation.quote")]
    public async Task Fact_level_defects_name_the_fact_and_the_field(string name, string fact, string field)
    {
        var act = () => fixture.Ledger.IngestAsync([Path.Combine(Corpus, name + ".yaml")]);

        var errors = (await act.Should().ThrowAsync<FactFileException>()).Which.Errors;
        errors.Should().Contain(error => error.Fact == fact && error.Field != null && error.Field.EndsWith(field, StringComparison.Ordinal));
    }
}
