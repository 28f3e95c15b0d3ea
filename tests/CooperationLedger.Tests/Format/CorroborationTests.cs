using CooperationLedger.Answers;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Given the seeds and a review that disputes the drug agency's figure: corroboration is another document stating the
/// same figure, never a fact of the same article on the same matter, and never two facts with no figure to compare.
/// </summary>
public sealed class CorroborationTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() => await fixture.Ledger.IngestAsync([Seeds.Facts, Fixtures.FactFile("review-2007-dca-figures")]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Another_agreement_of_the_same_article_on_the_same_matter_is_related_not_corroborating()
    {
        var trail = await fixture.Ledger.AuditAsync("cao-2011-gknb-cooperation/gknb-mps-within-rats");

        var related = trail!.SameMatter.Should().ContainSingle().Subject;
        related.Key.Should().Be("cao-2011-gknb-cooperation/cn-kg-four-areas-agreement");
        related.Relation.Should().Be(Relation.SameMatter, "a different agreement of the same article, with no figure, corroborates nothing");
    }

    [Fact]
    public async Task A_review_with_another_figure_disputes_the_claim()
    {
        var trail = await fixture.Ledger.AuditAsync("edm-2006-v3-i223/dca-narcotics-seized-2006");

        trail!.SameMatter.Should().ContainSingle().Which.Relation.Should().Be(Relation.Disputes);
    }

    [Fact]
    public async Task The_tool_says_same_matter_rather_than_corroborated_by()
    {
        var run = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString }, "audit", "cao-2011-gknb-cooperation/gknb-mps-within-rats");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Same matter").And.NotContain("Corroborated by");
    }
}
