using CooperationLedger.Facts;
using CooperationLedger.Tests.Support;
using Marten;

namespace CooperationLedger.Tests.Ingestion;

/// <summary>Bad fact files are refused with every error named, and nothing of them is appended.</summary>
public sealed class RefusedIngestionTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ledger-refused-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_quote_that_is_not_in_the_article_is_refused_and_nothing_is_appended()
    {
        var file = CopySeed("edm-2006-v3-i223", text => text.Replace(
            "quote: during the first nine months of 2006, seizing 39.5% more narcotics",
            "quote: during the first nine months of 2006, seizing 45% more narcotics"));

        var before = await fixture.Ledger.CountEventsAsync();
        var act = () => fixture.Ledger.IngestAsync([file]);

        var refusal = (await act.Should().ThrowAsync<FactFileException>()).Which;
        refusal.Errors.Should().ContainSingle().Which.Should().Match<FactFileError>(error =>
            error.File == file && error.Fact == "dca-narcotics-seized-2006" && error.Field == "facts[5].citation.quote" && error.Reason.Contains("not found in the article"));
        (await fixture.Ledger.CountEventsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Every_error_of_a_file_is_reported_at_once()
    {
        var file = CopySeed("edm-2006-v3-i223", text => text
            .Replace("currency: KGS", "currency: XYZ")
            .Replace("respondents: 1500", "respondents: 1500\n    pollingFirm: IRI")
            .Replace("period: 2006-01/2006-09", "period: 2006-02-30"));
        var before = await fixture.Ledger.CountEventsAsync();

        var act = () => fixture.Ledger.IngestAsync([file]);

        var errors = (await act.Should().ThrowAsync<FactFileException>()).Which.Errors;
        errors.Select(error => (error.Fact, error.Field)).Should().BeEquivalentTo(new[]
        {
            ("iom-grants-in-aid", "facts[9].value.currency"),
            ("iri-foreign-priority-poll", "facts[7].pollingFirm"),
            ("dca-narcotics-seized-2006", "facts[5].period"),
        });
        errors.Should().OnlyContain(error => error.Line != null);
        (await fixture.Ledger.CountEventsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_changed_fact_under_an_old_key_is_refused_naming_both_versions()
    {
        await fixture.Ledger.IngestAsync([Seeds.FactFile("cao-2011-gknb-cooperation")]);
        var before = await fixture.Ledger.CountEventsAsync();
        var file = CopySeed("cao-2011-gknb-cooperation", text => text.Replace("amount: 21000000", "amount: 25000000"));

        var act = () => fixture.Ledger.IngestAsync([file]);

        var error = (await act.Should().ThrowAsync<FactFileException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Fact.Should().Be("cn-equipment-for-gknb-2011");
        error.Reason.Should().Contain("already holds 'cao-2011-gknb-cooperation/cn-equipment-for-gknb-2011'")
            .And.Contain("21000000").And.Contain("25000000");
        (await fixture.Ledger.CountEventsAsync()).Should().Be(before, "a conflict appends nothing");
    }

    [Fact]
    public async Task A_correction_of_a_fact_the_ledger_does_not_hold_is_refused()
    {
        var act = () => fixture.Ledger.IngestAsync([Fixtures.FactFile("wire-2007-dca-revision")]);

        var errors = (await act.Should().ThrowAsync<FactFileException>()).Which.Errors;
        errors.Select(error => (error.Field, error.Line)).Should().BeEquivalentTo([("facts[0].corrects", (int?)13), ("facts[1].retracts", 23)], "each names where in the file its fact stands");
        errors[0].ToString().Should().EndWith("wire-2007-dca-revision.yaml:13: fact 'dca-seizures-revised' field 'facts[0].corrects': names a fact that is neither in the ledger nor in this ingest.");
    }

    [Fact]
    public async Task A_correction_of_a_figure_its_fact_does_not_have_is_refused_and_nothing_is_appended()
    {
        await fixture.Ledger.IngestAsync([Seeds.FactFile("edm-2006-v3-i223")]);
        var before = await fixture.Ledger.CountEventsAsync();
        // The DCA's percentage, said of the IOM's grant: a grant has an amount, not a claimed statistic's value.
        var file = CopyFixture("wire-2007-dca-revision", text => text.Replace(
            "corrects: edm-2006-v3-i223/dca-narcotics-seized-2006",
            "corrects: edm-2006-v3-i223/iom-grants-in-aid"));

        var act = () => fixture.Ledger.IngestAsync([file]);

        var error = (await act.Should().ThrowAsync<FactFileException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Should().Match<FactFileError>(refused => refused.Fact == "dca-seizures-revised" && refused.Field == "facts[0].changes.statisticValue" && refused.Line == 13);
        error.Reason.Should().Contain("iom-grants-in-aid").And.Contain("grant_provided");
        (await fixture.Ledger.CountEventsAsync()).Should().Be(before, "nothing of the file is appended");
    }

    [Fact]
    public async Task A_cancelled_ingest_says_it_was_cancelled_rather_than_that_its_path_is_missing()
    {
        // A ledger that has written before checks neither its tables nor the database again before an ingest.
        await fixture.Ledger.IngestAsync([Seeds.FactFile("cao-2011-gknb-cooperation")]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => fixture.Ledger.IngestAsync([Path.Combine(folder, "no-such-file.yaml")], cancellationToken: cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Facts_built_in_code_are_refused_in_words_about_facts_built_in_code()
    {
        const string text = "Central Asia Online\n\nChina will donate equipment to the GKNB, Dushebayev said.\n";
        var document = new SourceDocument("refused-in-code", "Central Asia Online", ReportedDate.InYear(2011), SourceDocument.FingerprintOf(text));
        var gknb = new Actor("kg-gknb", ActorKind.Agency, "Kyrgyz State Committee for National Security", "KG", aliases: ["GKNB"]);
        EquipmentDonated Donation(string key, string quote) => new(
            FactIds.ForFact(document.Key, key), $"{document.Key}/{key}", new Actor("cn", ActorKind.Country, "China", "CN"), gknb, null, ["computers"], null,
            ReportedDate.InYear(2011), Stage.Pledged, null, new Citation(document, quote, Stance.Source));

        var one = () => fixture.Ledger.AppendAsync(new DocumentFacts(document, text, [Donation("computers", "China will donate tanks")]));
        var two = () => fixture.Ledger.AppendManyAsync(
            new[] { new DocumentFacts(document, text, [Donation("computers", "China will donate tanks"), Donation("vehicles", "China will donate jets")]) }.ToAsyncEnumerable());

        (await one.Should().ThrowAsync<FactFileException>()).Which.Message.Should()
            .StartWith("Facts built in code were refused: (document refused-in-code): fact 'computers' field 'citation.quote': is not found in the article")
            .And.NotContainEquivalentOf("fact file");
        (await two.Should().ThrowAsync<FactFileException>()).Which.Message.Should()
            .StartWith("2 errors in facts built in code:").And.NotContainEquivalentOf("fact file");
    }

    private string CopyFixture(string documentKey, Func<string, string> edit)
    {
        var articles = Path.Combine(folder, "articles");
        Directory.CreateDirectory(articles);
        File.Copy(Fixtures.Article(documentKey + ".txt"), Path.Combine(articles, documentKey + ".txt"), overwrite: true);
        return WriteEdited(Fixtures.FactFile(documentKey), documentKey, edit);
    }

    private string CopySeed(string documentKey, Func<string, string> edit)
    {
        var articles = Path.Combine(folder, "articles");
        Directory.CreateDirectory(articles);
        foreach (var article in Directory.GetFiles(Path.Combine(Seeds.Folder, "articles")))
        {
            File.Copy(article, Path.Combine(articles, Path.GetFileName(article)), overwrite: true);
        }

        File.Copy(Seeds.Registry, Path.Combine(folder, Path.GetFileName(Seeds.Registry)), overwrite: true);
        return WriteEdited(Seeds.FactFile(documentKey), documentKey, edit);
    }

    /// <summary>Writes an edited copy of a fact file into the folder's facts, beside the articles copied there.</summary>
    private string WriteEdited(string source, string documentKey, Func<string, string> edit)
    {
        var facts = Path.Combine(folder, "facts");
        Directory.CreateDirectory(facts);
        var target = Path.Combine(facts, documentKey + ".yaml");
        var original = File.ReadAllText(source);
        var edited = edit(original);
        edited.Should().NotBe(original, "the test must change the file");
        File.WriteAllText(target, edited);
        return target;
    }
}
