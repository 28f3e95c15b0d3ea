using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Hosting;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CooperationLedger.Tests.Json;

/// <summary>
/// The ledger's JSON contract, from the seed story: answers, audits and exported facts written with
/// <see cref="LedgerJson"/> carry ISO dates, reported dates as the fact files write them, the ledger's enums as words
/// and every field of a fact under its stable type name, and read back to what was written.
/// </summary>
public sealed class LedgerJsonTests(LedgerJsonTests.SeededLedger seeded) : IClassFixture<LedgerJsonTests.SeededLedger>
{
    private static readonly AsOf EndOf2011 = AsOf.Known(new LocalDate(2011, 12, 31));

    [Fact]
    public async Task Donor_totals_as_known_at_the_end_of_2011_are_written_with_iso_dates_and_words_and_read_back_whole()
    {
        var totals = await seeded.Ledger.GetDonorTotalsAsync(EndOf2011);

        var json = JsonSerializer.Serialize(totals, LedgerJson.Options);
        var node = JsonNode.Parse(json)!;

        node["asOf"]!["knownOn"]!.GetValue<string>().Should().Be("2011-12-31");
        node["totals"]!.AsArray().Select(total => total!["currency"]!.GetValue<string>()).Should().Contain("KGS");
        node["noAmountStated"]!.AsArray().Select(donation => donation!["stage"]!.GetValue<string>()).Should().Contain("pledged");
        json.Should().NotContain("\"calendar\"", "a LocalDate is written as its ISO text, never as an object of its parts");
        Roundtrip(totals).Should().Be(json);
    }

    [Fact]
    public async Task Claims_agreements_and_the_timeline_read_back_to_what_was_written()
    {
        Roundtrip(await seeded.Ledger.GetClaimedStatisticsAsync(AsOf.Now));
        Roundtrip(await seeded.Ledger.GetAgreementsAsync(AsOf.Now));
        var timeline = await seeded.Ledger.GetTimelineAsync(AsOf.Now, "KG");
        var json = Roundtrip(timeline);

        var dates = JsonNode.Parse(json)!.AsArray().Select(item => item!["effective"]!).ToArray();
        dates.Should().OnlyContain(date => date.GetValueKind() == JsonValueKind.Object, "every date of an answer has one shape, whatever was known of it");
        dates.Should().Contain(date => date["text"]!.GetValue<string>() == "2005-11-30" && date["earliest"]!.GetValue<string>() == "2005-11-30" && date["precision"]!.GetValue<string>() == "day", "a date known to the day says so, in the fact files' text too");
        dates.Should().Contain(date => date["isInferred"]!.GetValue<bool>() && date["inference"]!.GetValue<string>().Length > 0, "an inferred date says what it was inferred from");
        dates.Select(date => string.Join(",", date.AsObject().Select(part => part.Key))).Distinct().Should().ContainSingle("every date has the same members");
    }

    [Fact]
    public async Task An_audit_writes_its_fact_whole_under_its_stable_name_and_reads_it_back()
    {
        var claim = (await seeded.Ledger.GetClaimedStatisticsAsync(AsOf.Now)).Claims[0];
        var trail = (await seeded.Ledger.AuditAsync(claim.FactId))!;

        var json = JsonSerializer.Serialize(trail, LedgerJson.Options);
        var fact = JsonNode.Parse(json)!["fact"]!;

        fact[LedgerJson.TypeProperty]!.GetValue<string>().Should().Be(FactCatalog.NameOf(trail.Fact));
        fact["citation"]!["quote"]!.GetValue<string>().Should().Be(trail.Fact.Citation.Quote);
        var back = JsonSerializer.Deserialize<AuditTrail>(json, LedgerJson.Options)!;
        back.Fact.Should().BeOfType(trail.Fact.GetType());
        FactFingerprint.Of(back.Fact).Should().Be(FactFingerprint.Of(trail.Fact));
    }

    [Fact]
    public async Task Every_exported_fact_of_the_seeds_reads_back_as_the_same_fact()
    {
        var facts = await seeded.Ledger.ReadFactsAsync().ToListAsync();

        facts.Should().NotBeEmpty();
        foreach (var recorded in facts)
        {
            var json = JsonSerializer.Serialize(recorded, LedgerJson.Options);
            var back = JsonSerializer.Deserialize<RecordedFact>(json, LedgerJson.Options)!;
            FactFingerprint.Of(back.Fact).Should().Be(FactFingerprint.Of(recorded.Fact), json);
            back.Recorded.Should().Be(recorded.Recorded);
        }
    }

    [Fact]
    public void An_applications_own_enums_and_names_are_left_as_its_options_say()
    {
        var options = LedgerJson.Configure(new JsonSerializerOptions());

        JsonSerializer.Serialize(new { Day = DayOfWeek.Monday, Stage = Stage.Pledged }, options).Should().Be("{\"Day\":1,\"Stage\":\"pledged\"}");
    }

    [Fact]
    public void An_applications_own_enum_converter_before_or_after_the_contract_leaves_the_ledgers_enums_in_words()
    {
        var before = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
        LedgerJson.Configure(before);
        var after = LedgerJson.Configure(new JsonSerializerOptions());
        after.Converters.Add(new JsonStringEnumConverter());

        foreach (var options in new[] { before, after })
        {
            JsonSerializer.Serialize(new { Day = DayOfWeek.Monday, Stage = Stage.Pledged, Rule = DateRule.Possibly }, options)
                .Should().Be("{\"Day\":\"Monday\",\"Stage\":\"pledged\",\"Rule\":\"possibly\"}");
        }
    }

    [Fact]
    public async Task A_minimal_api_serves_donor_totals_and_an_audit_with_the_contract()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.ConfigureHttpJsonOptions(json => LedgerJson.Configure(json.SerializerOptions));
        builder.Services.AddCooperationLedger(options =>
        {
            options.ConnectionString = seeded.ConnectionString;
            options.Schema = SeededLedger.Schema;
        });
        await using var app = builder.Build();
        app.MapGet("/donors", (Ledger ledger, string? knownOn) =>
            ledger.GetDonorTotalsAsync(knownOn is null ? AsOf.Now : AsOf.Known(LocalDate.FromDateTime(DateTime.Parse(knownOn, System.Globalization.CultureInfo.InvariantCulture)))));
        app.MapGet("/audit/{id:guid}", async (Ledger ledger, Guid id) => await ledger.AuditAsync(id) is { } trail ? Results.Ok(trail) : Results.NotFound());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var served = await client.GetStringAsync("/donors?knownOn=2011-12-31");
        var expected = await seeded.Ledger.GetDonorTotalsAsync(EndOf2011);
        JsonNode.DeepEquals(JsonNode.Parse(served), JsonSerializer.SerializeToNode(expected, LedgerJson.Options)).Should().BeTrue(served);
        var factId = expected.Totals.First(total => total.Sources.Count > 0).Sources[0].FactId;
        var trail = await client.GetFromJsonAsync<AuditTrail>($"/audit/{factId}", LedgerJson.Options);
        trail!.Fact.FactId.Should().Be(factId);
        trail.Recorded.CorrelationId.Should().NotBeNullOrEmpty();
        await app.StopAsync();
    }

    /// <summary>Writes <paramref name="value"/>, reads it back, writes it again, and asserts both writings are the same.</summary>
    private static string Roundtrip<T>(T value)
    {
        var json = JsonSerializer.Serialize(value, LedgerJson.Options);
        var again = JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, LedgerJson.Options), LedgerJson.Options);
        again.Should().Be(json);
        return json;
    }

    /// <summary>A ledger of the five seed articles in a schema of its own.</summary>
    public sealed class SeededLedger : IAsyncLifetime
    {
        public const string Schema = "json_contract";

        private readonly DatabaseFixture database = new();

        public Ledger Ledger { get; private set; } = null!;

        public string ConnectionString => database.ConnectionString;

        public async Task InitializeAsync()
        {
            await database.InitializeAsync();
            Ledger = Ledger.Connect(new LedgerOptions { ConnectionString = database.ConnectionString, Schema = Schema });
            await Ledger.IngestAsync([Seeds.Facts]);
        }

        public async Task DisposeAsync()
        {
            await Ledger.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}
