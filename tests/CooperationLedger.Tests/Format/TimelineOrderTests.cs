using CooperationLedger.Facts;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Given a wire of 3 March 2010 reporting radio sets delivered on or before 3 March and a claim made on 2 March: the
/// timeline orders an imprecise date by the day the as-of rule reads it as, not before every dated fact.
/// </summary>
public sealed class TimelineOrderTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("ledger-order-").FullName;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(folder, "facts"));
        Directory.CreateDirectory(Path.Combine(folder, "articles"));
        File.Copy(Fixtures.Article("malformed-base.txt"), Path.Combine(folder, "articles", "malformed-base.txt"));
        var file = Path.Combine(folder, "facts", "malformed-base.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Fixtures.FactFile("malformed-base")))
            .Replace("stage: pledged\n    date: \"2010\"", "stage: realised\n    date: ..2010-03-03", StringComparison.Ordinal));
        await fixture.Ledger.IngestAsync([file]);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Under_certainly_a_date_on_or_before_a_day_sorts_by_that_day()
    {
        var timeline = await fixture.Ledger.GetTimelineAsync(AsOf.Now, actor: "kg-border");

        timeline.Select(item => item.Key).Should().Equal("malformed-base/heroin-2009", "malformed-base/radio-sets");
    }

    [Fact]
    public async Task Under_possibly_it_sorts_by_its_earliest_possible_day_first()
    {
        var timeline = await fixture.Ledger.GetTimelineAsync(new AsOf { Rule = DateRule.Possibly }, actor: "kg-border");

        timeline.Select(item => item.Key).Should().Equal("malformed-base/radio-sets", "malformed-base/heroin-2009");
    }

    [Theory]
    [InlineData("certainly", "under \"certainly\"", "(its latest)")]
    [InlineData("possibly", "under \"possibly\"", "(its earliest)")]
    public async Task The_tool_says_which_rule_read_the_dates_and_ordered_them(string rule, string says, string order)
    {
        var environment = new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString };

        var timeline = await CliRunner.InProcessAsync(environment, "timeline", "--actor", "kg-border", "--rule", rule);
        var donors = await CliRunner.InProcessAsync(environment, "donors", "--rule", rule);

        timeline.ExitCode.Should().Be(0);
        timeline.Output.Should().Contain(says).And.Contain(order);
        donors.Output.Should().Contain(says);
    }
}
