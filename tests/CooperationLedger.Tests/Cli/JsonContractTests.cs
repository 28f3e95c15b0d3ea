using System.Text.Json;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Cli;

/// <summary>
/// One JSON contract for every command: one object, never a bare array; an answer as of a point says the point first;
/// a listing's items under a name of their own; a page (<c>--limit</c>, <c>--offset</c>) says itself last.
/// </summary>
public sealed class JsonContractTests(DatabaseFixture database) : SeededCli(database)
{
    [Theory]
    [InlineData("totals", "donors", "--json")]
    [InlineData("claims", "claims", "--json")]
    [InlineData("agreements", "agreements", "--json")]
    [InlineData("timeline", "timeline", "--json")]
    [InlineData("operations", "operations", "--json")]
    [InlineData("newest", "report", "--json")]
    public async Task Every_answer_as_of_a_point_is_one_object_that_says_its_point_first(string items, params string[] args)
    {
        var root = await JsonAsync(args);

        root.ValueKind.Should().Be(JsonValueKind.Object);
        root.EnumerateObject().First().Name.Should().Be("asOf");
        root.GetProperty(items).ValueKind.Should().Be(JsonValueKind.Array);
        root.GetProperty(items).GetArrayLength().Should().BePositive("the seeds hold some of each");
    }

    [Theory]
    [InlineData("facts", "export", "--format", "json")]
    [InlineData("documents", "ingest", "--dry-run", "--json", "seeds")]
    [InlineData("quoteProblems", "verify", "--json")]
    public async Task Every_other_command_writes_one_object_too(string property, params string[] args)
    {
        var root = await JsonAsync([.. args.Select(arg => arg == "seeds" ? Seeds.Folder : arg)]);

        root.ValueKind.Should().Be(JsonValueKind.Object);
        root.TryGetProperty(property, out _).Should().BeTrue();
    }

    [Fact]
    public async Task A_reported_date_has_one_shape_in_every_command_that_writes_one()
    {
        var verify = await JsonAsync("verify", "--json");
        var timeline = await JsonAsync("timeline", "--json");

        var dates = verify.GetProperty("inferredDates").EnumerateArray().Select(date => date.GetProperty("date"))
            .Concat(timeline.GetProperty("timeline").EnumerateArray().Select(item => item.GetProperty("effective")))
            .ToArray();
        dates.Should().NotBeEmpty().And.OnlyContain(date => date.ValueKind == JsonValueKind.Object);
        dates.Select(date => string.Join(",", date.EnumerateObject().Select(part => part.Name))).Distinct().Should().ContainSingle("verify's inferred dates are the timeline's dates");
    }

    [Fact]
    public async Task A_page_of_the_timeline_is_those_items_of_the_whole_and_says_that_more_follow()
    {
        var whole = (await JsonAsync("timeline", "--json")).GetProperty("timeline").EnumerateArray().Select(item => item.GetProperty("key").GetString()).ToArray();
        var page = await JsonAsync("timeline", "--json", "--limit", "3", "--offset", "2");

        page.GetProperty("timeline").EnumerateArray().Select(item => item.GetProperty("key").GetString()).Should().Equal(whole[2..5]);
        page.EnumerateObject().Last().Name.Should().Be("page");
        page.GetProperty("page").GetProperty("more").GetBoolean().Should().BeTrue();
        page.GetProperty("page").GetProperty("returned").GetInt32().Should().Be(3);
        (await JsonAsync("timeline", "--json", "--offset", $"{whole.Length - 1}")).GetProperty("page").GetProperty("more").GetBoolean().Should().BeFalse();
    }

    [Theory]
    [InlineData("--json")]
    [InlineData("--jsonl")]
    public async Task A_page_of_the_whole_ledgers_donor_totals_cites_only_the_facts_of_its_totals(string form)
    {
        var run = await RunAsync("donors", form, "--limit", "1");

        run.ExitCode.Should().Be(0, run.Error);
        var items = form == "--json"
            ? JsonDocument.Parse(run.Output).RootElement.EnumerateObject().SelectMany(part => part.Value.ValueKind == JsonValueKind.Array ? part.Value.EnumerateArray().Select(item => (part.Name, item)) : [(part.Name, part.Value)]).ToArray()
            : run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.EnumerateObject().Single()).Select(property => (property.Name, property.Value)).ToArray();
        var totals = items.Where(item => item.Name is "totals" or "total").Select(item => item.Item2).ToArray();
        totals.Should().ContainSingle();
        items.Where(item => item.Name == "sources").Select(item => item.Item2.GetProperty("factId").GetGuid())
            .Should().BeEquivalentTo(totals[0].GetProperty("facts").EnumerateArray().Select(fact => fact.GetGuid()));
        items.Last().Item2.GetProperty("more").GetBoolean().Should().BeTrue("the seeds have two donor totals");
    }
}
