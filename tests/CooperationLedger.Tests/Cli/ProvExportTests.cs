using System.Text.Json;
using System.Text.Json.Nodes;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;
using Json.Schema;

namespace CooperationLedger.Tests.Cli;

/// <summary>
/// <c>export --format prov</c> for the seeds: a PROV-JSON document that the PROV-JSON structure admits, in which every fact
/// was derived and quoted from its document, each quote a TextQuoteSelector whose words stand so in the stored article,
/// each speaker an agent, and each revision a <c>prov:Revision</c> of the fact it revises.
/// </summary>
public sealed class ProvExportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private JsonElement prov;

    public async Task InitializeAsync()
    {
        (await RunAsync("ingest", Seeds.Folder, Fixtures.FactFile("wire-2007-dca-revision"))).ExitCode.Should().Be(0);
        var run = await RunAsync("export", "--format", "prov");
        run.ExitCode.Should().Be(0, run.Error);
        prov = JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_document_has_the_structure_of_prov_json()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Fixtures.Schema("prov-json.schema.json")));

        var result = schema.Evaluate(prov, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        result.IsValid.Should().BeTrue(JsonSerializer.Serialize((result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 }).Select(detail => $"{detail.InstanceLocation}: {string.Join("; ", detail.Errors!.Values)}").Take(5)));
        var wrong = JsonNode.Parse(prov.GetRawText())!.AsObject();
        wrong["wasQuotedFrom"] = new JsonObject();
        schema.Evaluate(JsonDocument.Parse(wrong.ToJsonString()).RootElement).IsValid.Should().BeFalse("the schema can fail: PROV-JSON has no wasQuotedFrom map");
    }

    [Fact]
    public void Every_fact_was_derived_and_quoted_from_its_document()
    {
        var facts = Seeds.FactFiles.Select(file => FactFileReader.Read(file)).SelectMany(file => file.Events).ToArray();
        var derivations = prov.GetProperty("wasDerivedFrom").EnumerateObject().Select(relation => relation.Value).ToArray();

        foreach (var fact in facts)
        {
            var id = $"fact:{fact.FactId}";
            Has(prov.GetProperty("entity"), id).Should().BeTrue(fact.Key);
            derivations.Should().Contain(d => d.GetProperty("prov:generatedEntity").GetString() == id && d.GetProperty("prov:usedEntity").GetString() == $"doc:{fact.Citation.Document.Key}" && !Has(d, "prov:type"));
            derivations.Should().Contain(d => d.GetProperty("prov:generatedEntity").GetString() == id && Typed(d, "prov:Quotation"));
        }
    }

    [Fact]
    public async Task Each_quote_is_a_text_quote_selector_whose_words_stand_so_in_the_stored_article()
    {
        await using var ledger = Ledger.Connect(database.ConnectionString);
        var fact = FactFileReader.Read(Seeds.FactFile("edm-2006-v3-i223")).Events.Single(e => e.Key == "edm-2006-v3-i223/dca-narcotics-seized-2006");
        var selector = prov.GetProperty("entity").GetProperty($"sel:{fact.FactId}");
        var article = await ledger.GetArticleTextAsync("edm-2006-v3-i223");

        selector.GetProperty("prov:type").GetProperty("$").GetString().Should().Be("oa:TextQuoteSelector");
        var (prefix, exact, suffix) = (selector.GetProperty("oa:prefix").GetString()!, selector.GetProperty("oa:exact").GetString()!, selector.GetProperty("oa:suffix").GetString()!);
        exact.Should().Contain("39.5% more narcotics");
        prefix.Should().NotBeEmpty();
        suffix.Should().NotBeEmpty();
        article.Should().Contain(prefix + exact + suffix, "the selector's words are the article's, in order");
        var quotation = prov.GetProperty("wasDerivedFrom").EnumerateObject().Select(relation => relation.Value)
            .Single(d => d.GetProperty("prov:generatedEntity").GetString() == $"fact:{fact.FactId}" && Has(d, "oa:hasSelector"));
        quotation.GetProperty("oa:hasSelector").GetProperty("$").GetString().Should().Be($"sel:{fact.FactId}");
    }

    [Fact]
    public void A_correction_is_a_revision_of_the_fact_it_corrects_and_a_speaker_an_agent()
    {
        var revision = FactFileReader.Read(Fixtures.FactFile("wire-2007-dca-revision")).Events.OfType<Facts.FactCorrected>().Single();
        var derivations = prov.GetProperty("wasDerivedFrom").EnumerateObject().Select(relation => relation.Value).ToArray();

        derivations.Should().ContainSingle(d => Typed(d, "prov:Revision") && d.GetProperty("prov:generatedEntity").GetString() == $"fact:{revision.FactId}")
            .Which.GetProperty("prov:usedEntity").GetString().Should().Be($"fact:{revision.Revises}");
        prov.GetProperty("agent").GetProperty("actor:nogoybayev").GetProperty("prov:label").GetString().Should().Be("Bolotbek Nogoybayev");
        prov.GetProperty("wasAttributedTo").EnumerateObject().Select(relation => relation.Value.GetProperty("prov:agent").GetString()).Should().Contain("actor:nogoybayev");
        prov.GetProperty("wasAttributedTo").EnumerateObject().Should().OnlyContain(relation => Has(prov.GetProperty("agent"), relation.Value.GetProperty("prov:agent").GetString()!), "every agent named is declared");
    }

    private static bool Has(JsonElement element, string name) => element.TryGetProperty(name, out _);

    private static bool Typed(JsonElement relation, string type) => relation.TryGetProperty("prov:type", out var given) && given.GetProperty("$").GetString() == type;

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString }, args);
}
