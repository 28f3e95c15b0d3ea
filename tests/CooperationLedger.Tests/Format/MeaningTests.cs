using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Given a brief of 14 April 2009 (the Tajik drug agency's director: 1.5 tonnes of heroin seized last year, seizures
/// "rose sharply", the agency "many times more effective", "twice as many" traffickers arrested; "dozens" of couriers
/// detained) and a wire of 20 April (the same seizure as "1.5 tons"; a share intercepted that cannot square with the
/// weights seized and transiting): the ledger keeps each claim as the source states it and compares meaning, not text.
/// </summary>
public sealed class MeaningTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() =>
        await fixture.Ledger.IngestAsync([Fixtures.FactFile("brief-2009-heroin-seizures"), Fixtures.FactFile("wire-2009-heroin-seizures")]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_claim_in_words_keeps_its_words_and_direction_beside_the_figures_of_its_matter()
    {
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Matter: "tj-dca-seizures-2009-q1"));

        var rose = claims.Claims.Single(c => c.Key == "brief-2009-heroin-seizures/seizures-rose-sharply");
        rose.Measure.Kind.Should().Be(StatisticKind.Qualitative);
        rose.Measure.Value.Should().BeNull("a sharp rise is not a percentage");
        rose.Measure.Direction.Should().Be(Direction.Increase);
        rose.Measure.Verbatim.Should().Be("rose sharply");
        claims.Claims.Select(c => c.Key).Should().Contain("brief-2009-heroin-seizures/traffickers-arrested-doubled", "a figure of the same matter stands beside it");
        claims.Disputes.Should().BeEmpty("a claim in words has no figure to dispute");
    }

    [Fact]
    public async Task A_claim_in_words_may_give_no_direction()
    {
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Metric: "effectiveness"));

        var measure = claims.Claims.Should().ContainSingle().Subject.Measure;
        (measure.Kind, measure.Direction, measure.Value).Should().Be((StatisticKind.Qualitative, (Direction?)null, (decimal?)null));
        measure.Verbatim.Should().Be("many times more effective");
    }

    [Fact]
    public async Task A_ratio_is_kept_as_a_ratio_not_a_percentage()
    {
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Metric: "traffickers arrested"));

        var measure = claims.Claims.Should().ContainSingle().Subject.Measure;
        (measure.Kind, measure.Value, measure.Unit).Should().Be((StatisticKind.Ratio, (decimal?)2m, (string?)null));
        measure.ToString().Should().Be("2 times");
    }

    [Fact]
    public async Task Tonnes_and_tons_of_one_figure_agree_and_another_outlet_corroborates()
    {
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Metric: "heroin seized"));

        claims.Claims.Should().HaveCount(2).And.OnlyContain(c => c.Measure.NormalisedValue == 1500m && c.Measure.NormalisedUnit == "kg");
        claims.Disputes.SelectMany(d => d.Versions).Select(v => v.Key).Should().NotContain("brief-2009-heroin-seizures/heroin-seized-2008", "1.5 tonnes and 1.5 tons are one figure");
        claims.Claims.Single(c => c.Key == "brief-2009-heroin-seizures/heroin-seized-2008").CorroboratedBy.Should().Equal(["wire-2009-heroin-seizures/heroin-seized-2008"], "the answer says what the audit says");
        claims.Claims.Single(c => c.Key == "wire-2009-heroin-seizures/heroin-seized-2008").CorroboratedBy.Should().Equal(["brief-2009-heroin-seizures/heroin-seized-2008"]);

        var trail = await fixture.Ledger.AuditAsync("brief-2009-heroin-seizures/heroin-seized-2008");
        trail!.SameMatter.Single(r => r.Key == "wire-2009-heroin-seizures/heroin-seized-2008").Relation.Should().Be(Relation.Corroborates);
        trail.Links.Should().ContainSingle().Which.Should().Match<LinkedFact>(l => l.Kind == LinkKind.SameAs && l.Incoming && l.Key == "wire-2009-heroin-seizures/heroin-seized-2008");
    }

    [Fact]
    public async Task A_share_declared_to_conflict_with_two_weights_disputes_them_and_other_metrics_do_not()
    {
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Matter: "tj-dca-heroin-2008"));

        var dispute = claims.Disputes.Should().ContainSingle().Subject;
        dispute.Versions.Select(v => v.Key).Should().BeEquivalentTo(
            ["wire-2009-heroin-seizures/share-intercepted", "wire-2009-heroin-seizures/heroin-seized-2008", "wire-2009-heroin-seizures/heroin-transited-2008"]);
        claims.Claims.Single(c => c.Key == "brief-2009-heroin-seizures/heroin-seized-2008").Standing.Should().NotBe(Standing.Disputed);

        var trail = await fixture.Ledger.AuditAsync("wire-2009-heroin-seizures/heroin-transited-2008");
        trail!.SameMatter.Single(r => r.Key == "brief-2009-heroin-seizures/heroin-seized-2008").Relation.Should().Be(Relation.SameMatter, "a weight transiting and a weight seized are different metrics");
        trail.SameMatter.Single(r => r.Key == "wire-2009-heroin-seizures/share-intercepted").Relation.Should().Be(Relation.Disputes);
    }

    [Fact]
    public async Task Vague_counts_keep_their_words_and_masses_their_unit()
    {
        var trail = await fixture.Ledger.AuditAsync("brief-2009-heroin-seizures/march-operation");

        var counts = ((OperationResultsClaimed)trail!.Fact).Counts;
        counts[0].Count.Should().Match<Quantity>(q => q.Vague == "dozens" && q.Low == null && q.UpperBound == null);
        counts[1].Count.Vague.Should().Be("several");
        counts[2].Count.Should().Match<Quantity>(q => q.Low == 40m && q.Unit == "kg" && q.NormalisedUnit == "kg");
        trail.Figure.Should().Be("detained dozens couriers; detained several leaders of the ring; seized 40 kg opium");
    }

    [Fact]
    public async Task The_tool_shows_a_claim_in_words_and_the_links_of_a_fact()
    {
        var environment = new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString };
        var claims = await CliRunner.InProcessAsync(environment, "claims", "--metric", "seizures");
        var audit = await CliRunner.InProcessAsync(environment, "audit", "brief-2009-heroin-seizures/heroin-seized-2008");

        claims.ExitCode.Should().Be(0);
        claims.Output.Should().Contain("up, no figure (rose sharply)");
        audit.ExitCode.Should().Be(0);
        audit.Output.Should().Contain("Also reported by").And.Contain("wire-2009-heroin-seizures/heroin-seized-2008");
    }

    [Fact]
    public async Task A_fact_stated_across_two_passages_cites_both_each_where_it_stands()
    {
        var trail = await fixture.Ledger.AuditAsync("brief-2009-heroin-seizures/heroin-seized-2008");

        var passages = trail!.Fact.Citation.Passages.ToArray();
        passages.Select(p => p.Quote).Should().Equal("Tajik drug control agents seized 1.5 tonnes of heroin last year", "the agency's director, Rustam Nazarov, said on Monday");
        passages.Should().OnlyContain(p => p.Location != null && p.Location.Paragraph == 3);
        (await fixture.Ledger.VerifyAsync()).QuoteProblems.Should().BeEmpty();
    }

    [Fact]
    public void A_passage_not_in_the_article_is_refused_naming_which()
    {
        var yaml = File.ReadAllText(Fixtures.FactFile("brief-2009-heroin-seizures"))
            .Replace("- the agency's director, Rustam Nazarov, said on Monday", "- the agency's director said so on Tuesday", StringComparison.Ordinal);

        var errors = Fixtures.Refusals(yaml, "brief-2009-heroin-seizures.txt");

        errors.Should().ContainSingle().Which.Reason.Should().Contain("passage 2: \"the agency's director said so on Tuesday\"").And.Contain("is not found in the article");
    }

    [Fact]
    public void A_ratio_given_a_share_for_its_unit_is_refused()
    {
        var yaml = File.ReadAllText(Fixtures.FactFile("brief-2009-heroin-seizures"))
            .Replace("{ kind: ratio, value: 2, verbatim: twice as many }", "{ kind: ratio, value: 2, unit: percent, verbatim: twice as many }", StringComparison.Ordinal);

        var errors = Fixtures.Refusals(yaml, "brief-2009-heroin-seizures.txt");

        errors.Should().ContainSingle().Which.Reason.Should().Contain("A ratio is a multiple");
    }

    [Fact]
    public void Operation_results_may_say_their_period_is_not_stated_as_claims_do()
    {
        var yaml = File.ReadAllText(Fixtures.FactFile("brief-2009-heroin-seizures"))
            .Replace("    by: [tj-dca]\n    period: 2009-03\n", "    by: [tj-dca]\n    period: not_stated\n", StringComparison.Ordinal);

        yaml.Should().Contain("period: not_stated");
        Fixtures.Refusals(yaml, "brief-2009-heroin-seizures.txt").Should().BeEmpty();
    }

    [Fact]
    public async Task The_outlets_own_statements_are_asked_for_as_unattributed()
    {
        var unattributed = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Claimant: "unattributed"));
        var all = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now);

        unattributed.Claims.Select(claim => claim.Key).Should().Equal(all.Claims.Where(claim => claim.Claimant is null).Select(claim => claim.Key))
            .And.Contain("brief-2009-heroin-seizures/traffickers-arrested-doubled");
        all.Claims.Should().Contain(claim => claim.Claimant != null, "the filter leaves out the claims a party made");
    }

    [Fact]
    public async Task The_tool_shows_a_weight_in_the_unit_it_is_compared_in()
    {
        var run = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString }, "claims", "--metric", "heroin seized");

        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Metric: "heroin seized"));

        run.ExitCode.Should().Be(0, run.Error);
        claims.Claims.Select(claim => CooperationLedger.Cli.Output.Describe.Normalised(claim.Measure)).Should().Equal([" = 1,500 kg", " = 1,500 kg"]);
        run.Output.Should().Contain("1,500 kg", "the table's claim cell ends with the figure in kilograms");
    }
}
