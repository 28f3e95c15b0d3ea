using System.Text.Json;
using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Cli;

/// <summary>The real <c>ledger</c>, in process, against the test database: the seeds ingested, then every query in table and JSON form.</summary>
public sealed class CliCommandTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private CliRun firstIngest = null!;

    public async Task InitializeAsync() => firstIngest = await RunAsync("ingest", Seeds.Folder, "--json");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Ingest_reports_what_it_appended_and_a_second_ingest_appends_nothing()
    {
        firstIngest.ExitCode.Should().Be(0, firstIngest.Error);
        var again = await RunAsync("ingest", Seeds.Folder);

        again.ExitCode.Should().Be(0);
        again.Output.Should().Contain("5 documents, 0 facts appended, 48 already present.");
        var total = Seeds.FactFiles.Sum(file => FactFileReader.Read(file).Events.Count);
        (await RunAsync("export", "--format", "json")).Output.Should().Match(json => JsonDocument.Parse(json, default).RootElement.GetProperty("facts").GetArrayLength() == total);
    }

    [Fact]
    public async Task A_quiet_ingest_writes_its_one_summary_line_and_no_row_a_document()
    {
        var run = await RunAsync("ingest", "--quiet", Seeds.Folder);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("5 documents, 0 facts appended, 48 already present.");
    }

    [Fact]
    public async Task An_audit_and_an_export_in_json_are_what_the_library_writes_with_its_contract_and_read_back()
    {
        await using var ledger = Ledger.Connect(database.ConnectionString);
        const string key = "edm-2006-v3-i223/dca-narcotics-seized-2006";

        var audit = (await RunAsync("audit", key, "--json")).Output;
        var export = (await RunAsync("export", "--format", "json")).Output;

        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(audit), System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(await ledger.AuditAsync(key), LedgerJson.Options)))
            .Should().BeTrue(audit);
        var facts = JsonDocument.Parse(export).RootElement.GetProperty("facts").Deserialize<RecordedFact[]>(LedgerJson.Options)!;
        facts.Select(fact => JsonSerializer.Serialize(fact, LedgerJson.Options))
            .Should().Equal(await ledger.ReadFactsAsync().Select(fact => JsonSerializer.Serialize(fact, LedgerJson.Options)).ToListAsync(), "each exported row is the library's RecordedFact");
    }

    [Fact]
    public async Task A_ledger_without_its_read_tables_is_told_to_rebuild_in_words_and_the_rebuild_mends_it()
    {
        (await RunAsync("--schema", "cli_before_rows", "ingest", Seeds.Folder)).ExitCode.Should().Be(0);
        await LedgerInspection.ScalarAsync(database.ConnectionString, "drop table cli_before_rows.ledger_facts, cli_before_rows.ledger_revisions");

        var asked = await RunAsync("--schema", "cli_before_rows", "donors");
        var rebuilt = await RunAsync("--schema", "cli_before_rows", "rebuild");
        var answered = await RunAsync("--schema", "cli_before_rows", "donors", "--json");

        asked.ExitCode.Should().Be(1);
        asked.Error.Should().Contain("ledger rebuild").And.Contain("Nothing was changed").And.NotContain("Exception");
        rebuilt.ExitCode.Should().Be(0, rebuilt.Error);
        answered.ExitCode.Should().Be(0, answered.Error);
        answered.Output.Should().Contain("kg-gknb");
    }

    [Fact]
    public async Task Donors_in_json_match_the_donations_encoded_in_the_seed_files()
    {
        var run = await RunAsync("donors", "--json", "--currency", "KGS");

        run.ExitCode.Should().Be(0, run.Error);
        var expected = Seeds.FactFiles.SelectMany(file => FactFileReader.Read(file).Events)
            .OfType<EquipmentDonated>().Where(d => d.Value?.Currency.Code == "KGS").Select(d => d.Value!.Amount).Sum()
            + Seeds.FactFiles.SelectMany(file => FactFileReader.Read(file).Events)
            .OfType<GrantProvided>().Where(g => g.Value?.Currency.Code == "KGS").Select(g => g.Value!.Amount).Sum();
        var totals = JsonDocument.Parse(run.Output).RootElement.GetProperty("totals").EnumerateArray().ToArray();
        totals.Sum(total => total.GetProperty("pledged").GetProperty("exact").GetDecimal() + total.GetProperty("realised").GetProperty("approximate").GetDecimal()
            + total.GetProperty("realised").GetProperty("exact").GetDecimal() + total.GetProperty("pledged").GetProperty("approximate").GetDecimal())
            .Should().Be(expected);
        var china = totals.Single(total => total.GetProperty("donor").GetProperty("id").GetString() == "cn");
        china.GetProperty("currency").GetString().Should().Be("KGS");
        china.GetProperty("pledged").GetProperty("exact").GetDecimal().Should().Be(21_000_000m);
        china.TryGetProperty("sources", out _).Should().BeFalse("a total names its facts, whose sources are listed once each");
        var fact = china.GetProperty("facts")[0].GetGuid();
        var source = JsonDocument.Parse(run.Output).RootElement.GetProperty("sources").EnumerateArray()
            .Single(sources => sources.GetProperty("factId").GetGuid() == fact).GetProperty("sources")[0];
        source.GetProperty("factId").GetGuid().Should().Be(fact);
        source.GetProperty("citation").GetProperty("quote").GetString().Should().Contain("21m KGS (US $450,000)");
        source.GetProperty("citation").GetProperty("document").GetProperty("publishedOn").GetProperty("latest").GetString().Should().Be("2011-12-31");
    }

    [Fact]
    public async Task Donors_in_json_lines_give_the_json_document_a_line_an_item_with_each_fact_cited_once()
    {
        var document = JsonDocument.Parse((await RunAsync("donors", "--json", "--known-on", "2011-12-31")).Output).RootElement;
        var run = await RunAsync("donors", "--jsonl", "--known-on", "2011-12-31");

        run.ExitCode.Should().Be(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        lines.Should().OnlyContain(line => line.EnumerateObject().Count() == 1);
        lines[0].GetProperty("asOf").GetProperty("knownOn").GetString().Should().Be("2011-12-31");
        JsonElement[] Items(string name) => [.. lines.Where(line => line.TryGetProperty(name, out _)).Select(line => line.GetProperty(name))];
        Items("total").Select(total => JsonSerializer.Serialize(total)).Should().Equal(document.GetProperty("totals").EnumerateArray().Select(total => JsonSerializer.Serialize(total)));
        Items("total").Should().NotBeEmpty();
        Items("noAmountStated").Should().HaveCount(document.GetProperty("noAmountStated").GetArrayLength());
        var cited = Items("sources").Select(sources => sources.GetProperty("factId").GetGuid()).ToArray();
        cited.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(Items("total").SelectMany(total => total.GetProperty("facts").EnumerateArray().Select(fact => fact.GetGuid())));
        var china = (await RunAsync("donors", "--jsonl", "--known-on", "2011-12-31", "--donor", "cn")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).Where(line => line.TryGetProperty("total", out _)).Select(line => JsonSerializer.Serialize(line.GetProperty("total")));
        china.Should().Equal(Items("total").Where(total => total.GetProperty("donor").GetProperty("id").GetString() == "cn").Select(total => JsonSerializer.Serialize(total)), "a filtered listing is the whole one's lines, in the same order");
        var both = await RunAsync("donors", "--json", "--jsonl");
        both.ExitCode.Should().Be(2);
        both.Error.Should().Contain("give one");
    }

    [Fact]
    public async Task Claims_in_json_lines_give_the_json_document_a_line_an_item_and_a_filter_the_same_claims()
    {
        var document = JsonDocument.Parse((await RunAsync("claims", "--json")).Output).RootElement;
        var run = await RunAsync("claims", "--jsonl");

        run.ExitCode.Should().Be(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        lines.Should().OnlyContain(line => line.EnumerateObject().Count() == 1);
        lines[0].TryGetProperty("asOf", out _).Should().BeTrue();
        JsonElement[] Items(string name) => [.. lines.Where(line => line.TryGetProperty(name, out _)).Select(line => line.GetProperty(name))];
        Items("claim").Select(claim => JsonSerializer.Serialize(claim)).Should().Equal(document.GetProperty("claims").EnumerateArray().Select(claim => JsonSerializer.Serialize(claim)));
        Items("claim").Should().NotBeEmpty();
        Items("dispute").Should().HaveCount(document.GetProperty("disputes").GetArrayLength());
        Items("sources").Select(sources => sources.GetProperty("factId").GetGuid()).Should().OnlyHaveUniqueItems()
            .And.BeEquivalentTo(Items("claim").Select(claim => claim.GetProperty("factId").GetGuid()));
        var metric = Items("claim")[0].GetProperty("metric").GetString()!;
        var filtered = (await RunAsync("claims", "--jsonl", "--metric", metric)).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).Where(line => line.TryGetProperty("claim", out _)).Select(line => JsonSerializer.Serialize(line.GetProperty("claim")));
        filtered.Should().Equal(Items("claim").Where(claim => claim.GetProperty("metric").GetString() == metric).Select(claim => JsonSerializer.Serialize(claim)), "a filtered listing is the whole one's claims, in the same order");
        var both = await RunAsync("claims", "--json", "--jsonl");
        both.ExitCode.Should().Be(2);
        both.Error.Should().Contain("give one");
    }

    [Fact]
    public async Task A_donation_with_no_amount_stated_is_said_in_words_in_the_table_and_listed_apart_in_json()
    {
        var table = await RunAsync("donors", "--donor", "us");
        var json = JsonDocument.Parse((await RunAsync("donors", "--json")).Output).RootElement;

        table.ExitCode.Should().Be(0, table.Error);
        table.Output.Should().Contain("Donor totals: none.").And.Contain("Donations and grants with no amount stated")
            .And.Contain("pledged, no amount stated").And.Contain("Kyrgyz Defense Ministry").And.Contain("via Akipress");
        json.GetProperty("totals").EnumerateArray().Should().OnlyContain(total => total.GetProperty("currency").ValueKind == JsonValueKind.String);
        var pledge = json.GetProperty("noAmountStated").EnumerateArray()
            .Single(donation => donation.GetProperty("key").GetString() == "edm-2006-v3-i148/us-support-special-forces-and-sergeant-school");
        pledge.GetProperty("stage").GetString().Should().Be("pledged");
        pledge.GetProperty("recipient").GetProperty("id").GetString().Should().Be("kg-mod");
        pledge.GetProperty("sources")[0].GetProperty("citation").GetProperty("quote").GetString().Should().StartWith("Future U.S.-Kyrgyz military cooperation");
        pledge.EnumerateObject().Select(property => property.Name).Should().NotContain(["currency", "pledged", "exact", "isZero"]);
    }

    [Fact]
    public async Task Claims_in_json_give_the_claim_exactly_as_made_with_iso_periods()
    {
        var run = await RunAsync("claims", "--json", "--known-on", "2006-12-31");

        run.ExitCode.Should().Be(0, run.Error);
        var claim = JsonDocument.Parse(run.Output).RootElement.GetProperty("claims").EnumerateArray().Single();
        claim.GetProperty("measure").GetProperty("value").GetDecimal().Should().Be(39.5m);
        claim.GetProperty("measure").GetProperty("kind").GetString().Should().Be("percent_change");
        claim.GetProperty("period").GetProperty("text").GetString().Should().Be("2006-01/2006-09", "a reported date says its text as the fact files write it");
        claim.GetProperty("period").GetProperty("earliest").GetString().Should().Be("2006-01-01");
        claim.GetProperty("period").GetProperty("latest").GetString().Should().Be("2006-09-30");
        claim.GetProperty("period").GetProperty("precision").GetString().Should().Be("month");
        claim.GetProperty("baseline").GetProperty("text").GetString().Should().Be("2005-01/2005-09");
        claim.TryGetProperty("sources", out _).Should().BeFalse("a claim's sources are listed once, apart");
        JsonDocument.Parse(run.Output).RootElement.GetProperty("sources").EnumerateArray()
            .Single(sources => sources.GetProperty("factId").GetGuid() == claim.GetProperty("factId").GetGuid())
            .GetProperty("sources")[0].GetProperty("citation").GetProperty("relayedFrom").GetProperty("outlet").GetString().Should().Be("Kabar");
        (await RunAsync("claims", "--json", "--known-on", "2006-11-30")).Output.Should().Contain("\"claims\": []");
        var byMatter = JsonDocument.Parse((await RunAsync("claims", "--json", "--matter", "kg-dca-narcotics-seized-2006-01-09")).Output).RootElement;
        byMatter.GetProperty("claims").EnumerateArray().Single().GetProperty("measure").GetProperty("value").GetDecimal().Should().Be(39.5m);
        var upper = await RunAsync("claims", "--json", "--matter", "KG-DCA-NARCOTICS-SEIZED-2006-01-09");
        upper.ExitCode.Should().Be(1, "a matter is a key, matched exactly, and one the ledger does not hold is refused");
        upper.Error.Should().Contain("Did you mean 'kg-dca-narcotics-seized-2006-01-09'?");
    }

    [Fact]
    public async Task Agreements_and_timeline_answer_as_of_a_date_in_both_forms()
    {
        var inEffect = JsonDocument.Parse((await RunAsync("agreements", "--json", "--as-of", "2011-09-05", "--party", "CN")).Output).RootElement.GetProperty("agreements");
        inEffect.EnumerateArray().Should().Contain(a => a.GetProperty("key").GetString() == "cao-2011-gknb-cooperation/cn-kg-four-areas-agreement" && a.GetProperty("inEffect").GetBoolean());
        var before = JsonDocument.Parse((await RunAsync("agreements", "--json", "--as-of", "2011-09-04", "--party", "CN")).Output).RootElement.GetProperty("agreements");
        before.EnumerateArray().Should().NotContain(a => a.GetProperty("key").GetString() == "cao-2011-gknb-cooperation/cn-kg-four-areas-agreement");
        var between = JsonDocument.Parse((await RunAsync("agreements", "--json", "--party", "cn", "--party", "Kyrgyzstan")).Output).RootElement.GetProperty("agreements");
        between.EnumerateArray().Select(a => a.GetProperty("key").GetString()).Should().Contain("cao-2011-gknb-cooperation/cn-kg-four-areas-agreement");
        var chinaUzbekistan = JsonDocument.Parse((await RunAsync("agreements", "--json", "--party", "CN", "--party", "UZ")).Output).RootElement.GetProperty("agreements").EnumerateArray().ToArray();
        chinaUzbekistan.Should().ContainSingle("only China's Ministry of Public Security and two Uzbek interior departments signed together")
            .Which.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Should().Contain("cn-mps");
        JsonDocument.Parse((await RunAsync("agreements", "--json", "--party", "CN", "--party", "PK")).Output).RootElement.GetProperty("agreements").GetArrayLength().Should().Be(0, "China and Pakistan signed nothing together in the seeds");
        (await RunAsync("agreements", "--party", "CN", "--party", "KG", "--party", "UZ")).ExitCode.Should().Be(2, "at most two parties");

        var timeline = JsonDocument.Parse((await RunAsync("timeline", "--json", "--actor", "KG", "--with", "CN")).Output).RootElement.GetProperty("timeline").EnumerateArray().ToArray();
        timeline.Select(item => item.GetProperty("key").GetString()).Should().Contain("cao-2011-gknb-cooperation/cn-equipment-for-gknb-2011");

        var table = await RunAsync("timeline", "--actor", "kg-gknb");
        table.ExitCode.Should().Be(0);
        table.Output.Should().Contain("equipment_donated").And.Contain("Timeline");
        (await RunAsync("agreements", "--as-of", "2011-09-05")).Output.Should().Contain("border security").And.Contain("in effect");
    }

    [Fact]
    public async Task Every_actor_option_takes_a_name_and_a_country_with_its_agencies()
    {
        var help = await RunAsync("timeline", "--help");
        var byName = JsonDocument.Parse((await RunAsync("timeline", "--json", "--actor", "Kyrgyzstan", "--with", "China")).Output).RootElement.GetProperty("timeline").EnumerateArray().ToArray();
        var byCode = (await RunAsync("timeline", "--json", "--actor", "KG", "--with", "CN")).Output;

        help.Output.Should().Contain("a key, name, alias or ISO country code").And.Contain("a country includes its agencies and people");
        byName.Select(item => item.GetProperty("key").GetString()).Should().Contain(["cao-2011-gknb-cooperation/cn-kg-four-areas-agreement", "cao-2011-gknb-cooperation/gknb-mps-within-rats"]);
        JsonSerializer.Serialize(byName).Should().Be(JsonSerializer.Serialize(JsonDocument.Parse(byCode).RootElement.GetProperty("timeline").EnumerateArray().ToArray()));
        foreach (var command in new[] { "donors", "claims", "agreements" })
        {
            (await RunAsync(command, "--help")).Output.Should().Contain("a country includes its agencies and people", command);
        }

        var padded = (await RunAsync("timeline", "--json", "--actor", " Kyrgyzstan ", "--with", "China ")).Output;
        var empty = await RunAsync("donors", "--recipient", " ");
        JsonSerializer.Serialize(JsonDocument.Parse(padded).RootElement.GetProperty("timeline").EnumerateArray().ToArray()).Should().Be(JsonSerializer.Serialize(byName), "white space typed around a name is not part of it");
        empty.ExitCode.Should().Be(2, "an actor named by nothing is a usage error, not a question that matches no one");
        empty.Error.Should().Contain("this one is empty");
    }

    [Fact]
    public async Task Rebuild_gives_back_the_same_answers_from_the_events()
    {
        var before = (await RunAsync("donors", "--json", "--known-on", "2011-12-31")).Output + (await RunAsync("claims", "--json")).Output;

        var rebuild = await RunAsync("rebuild");

        rebuild.ExitCode.Should().Be(0, rebuild.Error);
        rebuild.Output.Should().Contain("Rebuilt the projections");
        ((await RunAsync("donors", "--json", "--known-on", "2011-12-31")).Output + (await RunAsync("claims", "--json")).Output).Should().Be(before);
    }

    [Fact]
    public async Task Tables_show_the_figures_with_their_sources()
    {
        var donors = await RunAsync("donors", "--known-on", "2011-12-31");
        var claims = await RunAsync("claims");

        donors.Output.Should().Contain("(due 2011)", "a pledge's due date stands beside its source");
        donors.Output.Should().Contain("21,000,000").And.Contain("21m KGS = US $450,000").And.Contain("Dushebayev").And.Contain("about 300,000,000");
        claims.Output.Should().Contain("+39.5%").And.Contain("Kabar, 2006-11-22");
    }

    [Fact]
    public async Task Audit_shows_the_full_trail_in_both_forms()
    {
        var table = await RunAsync("audit", "cao-2011-gknb-cooperation/cn-equipment-for-gknb-2011");
        var json = await RunAsync("audit", "cao-2011-gknb-cooperation/cn-equipment-for-gknb-2011", "--json");

        table.ExitCode.Should().Be(0, table.Error);
        table.Output.Should().Contain("Keneshbek Dushebayev").And.Contain("21m KGS (US $450,000)").And.Contain("Central Asia Online").And.Contain("a claim by an interested party");
        var trail = JsonDocument.Parse(json.Output).RootElement;
        trail.GetProperty("fact").GetProperty("value").GetProperty("amount").GetDecimal().Should().Be(21_000_000m);
        trail.GetProperty("recorded").GetProperty("eventType").GetString().Should().Be("equipment_donated");
    }

    [Fact]
    public async Task Verify_checks_every_quote_and_lists_inferred_dates()
    {
        var run = await RunAsync("verify");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("every quote is found in its stored article").And.Contain("Inferred dates").And.Contain("presidential election");
    }

    [Fact]
    public async Task Export_writes_every_fact_with_its_citation_as_csv()
    {
        var run = await RunAsync("export", "--format", "csv");

        run.ExitCode.Should().Be(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();
        lines[0].Should().StartWith("FactId,Key,Type,RecordedAt").And.Contain(",Author,Url,PublishedOn,").And.EndWith("Expected,Links,Amount,Currency,Approximation,UpperBound,Low,High");
        lines.Should().HaveCount(49);
        lines.Should().Contain(line => line.Contains("cn-equipment-for-gknb-2011,") && line.EndsWith(",2011,under: cao-2011-gknb-cooperation/cn-kg-four-areas-agreement,21000000,KGS,exact,,21000000,21000000", StringComparison.Ordinal),
            "a pledge's amount, hedge, bounds, due date and links are columns of their own");
        lines.Should().Contain(line => line.Contains("iom-grants-in-") && line.EndsWith(",300000000,KGS,about,,,", StringComparison.Ordinal), "an \"about\" gives the amount no bound");
        lines.Should().Contain(line => line.Contains("dca-narcotics-seized-2006") && line.Contains("Kabar") && line.Contains("Bolotbek Nogoybayev"));
    }

    [Fact]
    public async Task Bad_input_exits_1_and_names_file_fact_field_and_reason()
    {
        var folder = Directory.CreateTempSubdirectory("ledger-cli-bad-").FullName;
        try
        {
            var file = Path.Combine(folder, "bad.yaml");
            await File.WriteAllTextAsync(file, "document:\n  key: bad\n  article: missing.txt\n  publication: X\n  published: 2006\nfacts: []\n");
            var run = await RunAsync("ingest", file);

            run.ExitCode.Should().Be(1);
            run.Error.Should().Contain("bad.yaml").And.Contain("document.article").And.Contain("does not exist").And.Contain("nothing was appended");
            (await RunAsync("audit", "no-such/fact")).ExitCode.Should().Be(1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("donors", "--no-such-option")]
    [InlineData("claims", "--known-on", "31/12/2006")]
    [InlineData("frobnicate")]
    [InlineData("export", "--format", "xml")]
    [InlineData]
    public async Task A_usage_error_exits_2(params string[] args)
    {
        var run = await RunAsync(args);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--help");
    }

    [Fact]
    public async Task An_unreachable_database_exits_3_without_showing_its_password()
    {
        var socketFolder = Path.Combine(Path.GetTempPath(), "no-server-here-" + Guid.NewGuid().ToString("N")[..6]);
        var run = await CliRunner.InProcessAsync(null, "donors", "--connection", $"Host={socketFolder};Username=editor;Password=hunter2-secret;Database=ledger;Timeout=3");

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain("unavailable").And.Contain("database 'ledger'");
        run.All.Should().NotContain("hunter2-secret");
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("report")]
    [InlineData("donors")]
    [InlineData("claims")]
    [InlineData("agreements")]
    [InlineData("timeline")]
    [InlineData("documents")]
    [InlineData("completion")]
    [InlineData("audit")]
    [InlineData("verify")]
    [InlineData("export")]
    [InlineData("db")]
    [InlineData("db", "status")]
    [InlineData("db", "start")]
    [InlineData("db", "stop")]
    [InlineData("db", "path")]
    public async Task Every_command_has_help_with_an_example(params string[] command)
    {
        var run = await CliRunner.InProcessAsync(null, [.. command, "--help"]);

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Example").And.Contain("Usage:");
    }

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString }, args);
}
