using System.Globalization;
using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Tests.Support;
using NodaTime;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Given a brief of 20 May 2013 (Test Brief): the OSCE gave the Kyrgyz Border Service EUR 100,000 for training, between
/// EUR 200,000 and 250,000 of equipment and up to EUR 50,000 for a seminar; more than 300 officers were trained; the
/// service detained some 40 smugglers and seized 20-25 firearms; roughly a third of its posts have radios. Totals and
/// figures say how exact they are, never a single number that hides a hedge.
/// </summary>
public sealed class ApproximationTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    private static readonly AsOf EndOf2013 = AsOf.Known(new LocalDate(2013, 12, 31));

    public async Task InitializeAsync() => await fixture.Ledger.IngestAsync([Fixtures.FactFile("brief-2013-osce-aid")]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_osce_total_keeps_the_exact_part_apart_and_is_bounded_by_the_range_and_the_ceiling()
    {
        var totals = await fixture.Ledger.GetDonorTotalsAsync(EndOf2013, new DonationFilter(Donor: "OSCE"));

        totals.Totals.Should().ContainSingle().Which.Realised.Should().Be(
            new AmountTotal(Exact: 100_000m, Approximate: 250_000m, Low: 300_000m, High: 400_000m),
            "100,000 exact; 200,000 to 250,000; 0 to 50,000");
    }

    [Fact]
    public void An_about_amount_leaves_the_total_without_bounds_and_an_at_least_one_without_a_ceiling()
    {
        var about = AmountTotal.Zero.Add(new MoneyAmount(100m, new Currency("EUR"))).Add(new MoneyAmount(300m, new Currency("EUR"), Approximation.About));
        var atLeast = AmountTotal.Zero.Add(new MoneyAmount(100m, new Currency("EUR"))).Add(new MoneyAmount(300m, new Currency("EUR"), Approximation.AtLeast));

        about.Should().Be(new AmountTotal(100m, 300m, null, null));
        atLeast.Should().Be(new AmountTotal(100m, 300m, 400m, null));
    }

    [Theory]
    [InlineData("range 100000 200000", "100,000 to 200,000")]
    [InlineData("exact 10; at_least 100; at_most 50", "at least 110 (10 exact)")]
    [InlineData("exact 10; at_most 50", "10 to 60 (10 exact)")]
    [InlineData("exact 100; about 300", "about 400 (100 exact)")]
    [InlineData("exact 100; exact 20", "120")]
    public void A_hedged_total_is_said_by_what_the_whole_can_be_never_by_the_sum_of_its_hedged_figures(string amounts, string shown)
    {
        var total = amounts.Split("; ").Select(amount => amount.Split(' ')).Aggregate(AmountTotal.Zero, (sum, parts) => sum.Add(new MoneyAmount(
            decimal.Parse(parts[1], CultureInfo.InvariantCulture),
            new Currency("EUR"),
            parts[0] switch { "range" => Approximation.Range, "at_least" => Approximation.AtLeast, "at_most" => Approximation.AtMost, "about" => Approximation.About, _ => Approximation.Exact },
            parts.Length > 2 ? decimal.Parse(parts[2], CultureInfo.InvariantCulture) : null)));

        CooperationLedger.Cli.Output.Describe.Amount(total).Should().Be(shown);
    }

    [Fact]
    public async Task The_tool_shows_the_bounds_of_a_hedged_total()
    {
        var run = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString }, "donors", "--known-on", "2013-12-31", "--donor", "OSCE");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("300,000 to 400,000").And.Contain("(100,000 exact)", "the whole is said by its bounds, beside its exact part");
    }

    [Fact]
    public async Task A_claimed_statistic_keeps_its_hedge_in_its_figure()
    {
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(EndOf2013, new ClaimFilter(Metric: "officers trained"));
        var radios = await fixture.Ledger.GetClaimedStatisticsAsync(EndOf2013, new ClaimFilter(Metric: "border posts with radios"));

        var officers = claims.Claims.Should().ContainSingle().Subject.Measure;
        officers.Approximation.Should().Be(Approximation.AtLeast);
        officers.ToString().Should().Be("at least 300 officers");
        radios.Claims.Should().ContainSingle().Which.Measure.ToString().Should().Be("about 33 percent of posts");
    }

    [Fact]
    public async Task Counts_keep_their_hedges_and_ranges()
    {
        var trail = await fixture.Ledger.AuditAsync("brief-2013-osce-aid/first-quarter-results");

        var counts = trail!.Fact.Should().BeOfType<OperationResultsClaimed>().Subject.Counts;
        counts.Select(count => (count.Outcome, count.Count.ToString(), count.Count.UpperBound)).Should().Equal(
            ("detained", "about 40", (int?)null),
            ("seized", "20-25", 25),
            ("burnt", "38", 38));
        counts[2].Value.Should().Be(new MoneyAmount(2_000_000m, new Currency("USD"), Approximation.About, verbatim: "about US$2 million"));
        trail.Figure.Should().Be("detained about 40 smugglers; seized 20-25 firearms; burnt 38 kg of heroin worth about 2,000,000 USD");
    }

    [Fact]
    public async Task A_periods_phrase_resolves_against_the_publication_date_as_every_fields_does()
    {
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(EndOf2013, new ClaimFilter(Metric: "smugglers detained"));

        var period = claims.Claims.Should().ContainSingle().Subject.Period;
        period.Should().Be(ReportedDate.InYear(2012).ResolvedFrom("last year", new LocalDate(2013, 5, 20)));
    }

    [Fact]
    public async Task The_outlets_own_figure_with_no_period_is_kept_unattributed_and_without_a_period()
    {
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(EndOf2013, new ClaimFilter(Metric: "officers on the Tajik border"));
        var byClaimant = await fixture.Ledger.GetClaimedStatisticsAsync(EndOf2013, new ClaimFilter(Claimant: "kg-border"));
        var run = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString }, "claims", "--known-on", "2013-12-31", "--metric", "officers on the Tajik border");

        var claim = claims.Claims.Should().ContainSingle().Subject;
        claim.Claimant.Should().BeNull("the outlet states it as its own");
        claim.Period.Should().BeNull("the source states no period, and none is guessed");
        byClaimant.Claims.Should().NotContain(c => c.Metric == "officers on the Tajik border", "an unattributed claim is nobody's");
        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("unattributed").And.Contain("no period stated");
    }

    [Fact]
    public void A_claim_that_leaves_out_its_claimant_is_refused_rather_than_taken_for_unattributed()
    {
        var folder = Directory.CreateTempSubdirectory("ledger-claimant-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "facts"));
            Directory.CreateDirectory(Path.Combine(folder, "articles"));
            File.Copy(Fixtures.Article("brief-2013-osce-aid.txt"), Path.Combine(folder, "articles", "brief-2013-osce-aid.txt"));
            var file = Path.Combine(folder, "facts", "brief-2013-osce-aid.yaml");
            File.WriteAllText(file, File.ReadAllText(Fixtures.FactFile("brief-2013-osce-aid")).Replace("    claimant: unattributed\n", string.Empty, StringComparison.Ordinal));

            var act = () => Reading.FactFileReader.Read(file);

            act.Should().Throw<FactFileException>().Which.Errors.Should().ContainSingle()
                .Which.Should().Match<FactFileError>(error => error.Fact == "officers-on-tajik-border" && error.Field!.EndsWith(".claimant", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
