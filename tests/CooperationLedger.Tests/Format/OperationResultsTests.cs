using CooperationLedger.Facts;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Given the seeds: the GKNB chief said Kyrgyz authorities arrested 16 members of international terrorist organisations,
/// killed two, detained seven and extradited five of those (three to Kazakhstan, one each to China and Russia). The
/// operation results have a question of their own, shown in the table with their breakdown and period.
/// </summary>
public sealed class OperationResultsTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() => await fixture.Ledger.IngestAsync([Seeds.Facts, Fixtures.FactFile("brief-2009-heroin-seizures")]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_extraditions_keep_their_breakdown_and_what_they_are_part_of()
    {
        var results = await fixture.Ledger.GetOperationResultsAsync(AsOf.Now, actor: "Kyrgyzstan");

        var kg = results.Single(r => r.Key == "cao-2011-gknb-cooperation/kg-operations-arrests-and-extraditions");
        kg.Counts.Select(c => (c.Outcome, c.Count.Low)).Should().Equal(("arrested", 16m), ("killed", 2m), ("detained", 7m), ("extradited", 5m));
        var extradited = kg.Counts[3];
        extradited.OfOutcome.Should().Be("detained");
        extradited.Breakdown.Select(b => (b.Label, b.Count.Low)).Should().Equal(("to Kazakhstan", 3m), ("to China", 1m), ("to Russia", 1m));
        kg.Sources.Should().ContainSingle().Which.Citation.AttributedTo!.Name.Should().Be("Keneshbek Dushebayev");
        results.Should().NotContain(r => r.Key.StartsWith("brief-2009", StringComparison.Ordinal), "the Tajik agency's results are not Kyrgyzstan's");
    }

    [Fact]
    public async Task Results_not_yet_reported_are_not_in_the_answer()
    {
        var results = await fixture.Ledger.GetOperationResultsAsync(AsOf.Known(new NodaTime.LocalDate(2009, 1, 1)));

        results.Select(r => r.Key).Should().BeEquivalentTo(["edm-2006-v3-i223/security-operations-2006"]);
    }

    [Fact]
    public async Task The_tool_shows_each_count_with_its_breakdown_and_period()
    {
        var run = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString }, "operations", "--actor", "tj-dca");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Operation results").And.Contain("dozens couriers").And.Contain("40 kg opium").And.Contain("2009-03");
    }
}
