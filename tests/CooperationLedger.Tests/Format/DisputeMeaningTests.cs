using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Given a brief of 2 June 2009 (the Kyrgyz Border Service detained "at least 300", a deputy commander says "between 200
/// and 400"; drug seizures "rose"; 120 officers trained, or 150 by the programme's coordinator; an OSCE grant of 1
/// million euros) and a wire of 5 June (300 detained; seizures "fell by 20 percent"; the same grant as 2 million euros):
/// figures dispute only when they cannot both be true, whichever document states them.
/// </summary>
public sealed class DisputeMeaningTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    private const string Brief = "brief-2009-border-detentions";
    private const string Wire = "wire-2009-border-detentions";

    public async Task InitializeAsync()
    {
        if ((await fixture.Ledger.GetTimelineAsync(AsOf.Now)).Count == 0)
        {
            await fixture.Ledger.IngestAsync([Fixtures.FactFile(Brief), Fixtures.FactFile(Wire)]);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task At_least_300_between_200_and_400_and_300_all_fit_300_and_do_not_dispute()
    {
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Matter: "kg-bs-detentions-2009"));
        var audit = await fixture.Ledger.AuditAsync($"{Brief}/detained-at-least-300");

        claims.Claims.Should().HaveCount(3).And.OnlyContain(claim => claim.Standing == Standing.Asserted);
        claims.Claims.Should().OnlyContain(claim => claim.CorroboratedBy == null, "figures that only fit one another do not corroborate");
        claims.Disputes.Should().BeEmpty();
        audit!.SameMatter.Select(related => (related.Key, related.Relation)).Should().BeEquivalentTo(
            [($"{Brief}/detained-200-to-400", Relation.SameMatter), ($"{Wire}/detained-300", Relation.SameMatter)],
            "figures that fit one another are not the same figure, so they neither dispute nor corroborate");
    }

    [Fact]
    public async Task Two_figures_in_one_article_that_cannot_both_be_true_dispute_there_and_in_the_audit()
    {
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Matter: "kg-bs-officers-trained-2009"));
        var audit = await fixture.Ledger.AuditAsync($"{Brief}/officers-trained-120");

        claims.Disputes.Should().ContainSingle().Which.Versions.Select(version => version.Figure).Should().BeEquivalentTo(["120 officers", "150 officers"]);
        audit!.SameMatter.Should().ContainSingle().Which.Relation.Should().Be(Relation.Disputes, "the answer and the audit find disputes by one rule");
    }

    [Fact]
    public async Task Seizures_that_rose_and_seizures_that_fell_by_a_fifth_dispute()
    {
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Matter: "kg-bs-seizures-2009"));
        var audit = await fixture.Ledger.AuditAsync($"{Wire}/seizures-fell-20");

        claims.Claims.Should().HaveCount(2).And.OnlyContain(claim => claim.Standing == Standing.Disputed);
        claims.Disputes.Should().ContainSingle().Which.Matter.Should().Be("kg-bs-seizures-2009");
        audit!.SameMatter.Should().ContainSingle().Which.Relation.Should().Be(Relation.Disputes);
    }

    [Fact]
    public async Task The_same_grant_reported_with_two_amounts_is_disputed_and_neither_amount_is_summed()
    {
        var totals = await fixture.Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: "osce"));
        var audit = await fixture.Ledger.AuditAsync($"{Wire}/osce-patrol-posts-grant");

        totals.Totals.Should().BeEmpty("a report of one grant as 1 million and as 2 million euros says neither for certain");
        totals.Disputes.Should().ContainSingle().Which.Versions.Select(version => version.Key)
            .Should().BeEquivalentTo([$"{Brief}/osce-patrol-posts-grant", $"{Wire}/osce-patrol-posts-grant"]);
        audit!.Links.Should().ContainSingle(link => link.Kind == LinkKind.SameAs);
    }
}
