using System.Text.Json;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Cli;

/// <summary>
/// <c>--from</c>, <c>--to</c>, <c>--document</c> and <c>--outlet</c> narrow a question before it is answered: the seeds'
/// donor totals of 2011 are China's pledge alone, a document's timeline its own facts, an outlet's claims those it relayed.
/// </summary>
public sealed class ScopeTests(DatabaseFixture database) : SeededCli(database)
{
    [Fact]
    public async Task Donor_totals_of_a_period_add_up_only_the_donations_in_it_as_the_rule_reads_their_dates()
    {
        var all = Donors(await JsonAsync("donors", "--json"));
        var since2011 = Donors(await JsonAsync("donors", "--json", "--from", "2011-01-01", "--rule", "possibly"));
        var certainlySince2011 = Donors(await JsonAsync("donors", "--json", "--from", "2011-01-01"));
        var until2010 = Donors(await JsonAsync("donors", "--json", "--to", "2010-12-31"));

        all.Should().BeEquivalentTo(["cn", "iom"]);
        since2011.Should().Equal(["cn"], "China pledged by the end of 2011, which may be in 2011");
        certainlySince2011.Should().BeEmpty("\"by the end of 2011\" may also be before 2011");
        until2010.Should().Equal(["iom"], "the IOM's grants were given by November 2006");
    }

    [Fact]
    public async Task A_documents_timeline_holds_its_own_facts_and_no_other()
    {
        var keys = (await JsonAsync("timeline", "--json", "--document", "edm-2007-v4-i101")).GetProperty("timeline").EnumerateArray().Select(item => item.GetProperty("key").GetString()!).ToArray();

        keys.Should().HaveCount(FactFileReader.Read(Seeds.FactFile("edm-2007-v4-i101")).Events.Count).And.OnlyContain(key => key.StartsWith("edm-2007-v4-i101/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_outlets_claims_are_those_it_published_or_relayed()
    {
        var kabar = (await JsonAsync("claims", "--json", "--outlet", "kabar")).GetProperty("claims").EnumerateArray().Select(claim => claim.GetProperty("key").GetString()).ToArray();
        var online = (await JsonAsync("claims", "--json", "--outlet", "Central Asia Online")).GetProperty("claims").GetArrayLength();
        var chinaByOnline = Donors(await JsonAsync("donors", "--json", "--outlet", "Central Asia Online"));

        kabar.Should().Equal("edm-2006-v3-i223/dca-narcotics-seized-2006");
        online.Should().Be(0, "Central Asia Online claims no statistic in the seeds");
        chinaByOnline.Should().Equal("cn");
    }

    [Theory]
    [InlineData("certainly", false)]
    [InlineData("possibly", true)]
    public async Task A_year_falls_in_a_period_from_June_as_the_rule_reads_it(string rule, bool included)
    {
        var keys = (await JsonAsync("timeline", "--json", "--from", "2011-06-01", "--rule", rule)).GetProperty("timeline").EnumerateArray().Select(item => item.GetProperty("key").GetString()).ToArray();

        keys.Contains("cao-2011-gknb-cooperation/counter-terrorism-centre").Should().Be(included, "the centre was set up in \"2011\", which may or may not be after 1 June");
        keys.Should().Contain("cao-2011-gknb-cooperation/cn-kg-four-areas-agreement", "5 September 2011 is after 1 June under either rule");
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_a_usage_error()
    {
        var run = await RunAsync("agreements", "--from", "2011-01-01", "--to", "2010-01-01");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("the period is empty");
    }

    private static string[] Donors(JsonElement root) =>
        [.. root.GetProperty("totals").EnumerateArray().Select(total => total.GetProperty("donor").GetProperty("id").GetString()!).Distinct()];
}
