using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Tests.Support;
using NodaTime;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Given a brief of 15 January 2010 (China's ambassador announced on Thursday 20 trucks worth US$2 million, due by
/// June; the outlet expects aid for barracks later in the year) and one of 8 June (several agreements worth US$3
/// million in all signed on Monday; among them US$1 million for border posts under a framework agreement, and the 20
/// trucks handed over; a training centre "will open"): a pledge counts from its announcement, details are counted and
/// their umbrella is not, a delivery names the pledge it realises, and a plan stays a plan.
/// </summary>
public sealed class LinkedFactsTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() =>
        await fixture.Ledger.IngestAsync([Fixtures.FactFile("brief-2010-truck-pledge"), Fixtures.FactFile("brief-2010-minister-visit")]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_details_of_an_umbrella_statement_are_counted_and_the_umbrella_is_not()
    {
        var totals = await fixture.Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: "cn"));

        var line = totals.Totals.Should().ContainSingle().Subject;
        line.Committed.Exact.Should().Be(1_000_000m, "the US$3 million in all is the sum of its details, not a fourth donation");
        line.Realised.Exact.Should().Be(2_000_000m);
        line.Sources.Select(s => s.Key).Should().NotContain("brief-2010-minister-visit/visit-agreements");
        totals.NoAmountStated.Select(d => d.Key).Should().NotContain("brief-2010-minister-visit/visit-agreements");
    }

    [Fact]
    public async Task A_pledge_counts_from_its_announcement_not_from_when_it_is_due()
    {
        var beforeAnnouncement = await fixture.Ledger.GetDonorTotalsAsync(AsOf.On(new LocalDate(2010, 1, 13)), new DonationFilter(Donor: "cn"));
        var afterAnnouncement = await fixture.Ledger.GetDonorTotalsAsync(AsOf.On(new LocalDate(2010, 2, 1)), new DonationFilter(Donor: "cn"));

        beforeAnnouncement.Totals.Should().BeEmpty();
        var pledged = afterAnnouncement.Totals.Should().ContainSingle().Subject.Pledged;
        pledged.Exact.Should().Be(2_000_000m, "by 1 February the trucks had been pledged, though due only by June");

        var trail = await fixture.Ledger.AuditAsync("brief-2010-truck-pledge/trucks-pledge");
        var fact = (IReportedFact)trail!.Fact;
        fact.Effective.Earliest.Should().Be(new LocalDate(2010, 1, 14));
        (fact.Expected!.Earliest, fact.Expected.Latest, fact.Expected.Phrase).Should().Be(((LocalDate?)null, (LocalDate?)new LocalDate(2010, 6, 30), "by June"));
        trail.Summary.Should().EndWith("(due ..2010-06-30)");
    }

    [Fact]
    public async Task An_outlets_expectation_is_kept_apart_from_a_partys_pledge()
    {
        var totals = await fixture.Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: "cn"));

        var barracks = totals.NoAmountStated.Should().ContainSingle().Subject;
        (barracks.Key, barracks.Stage, barracks.Expected?.ToString()).Should().Be(("brief-2010-truck-pledge/barracks-aid", Stage.Expected, "2010"));
        var run = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString }, "donors", "--donor", "cn");
        run.Output.Should().Contain("2010-01-15 (due 2010)").And.Contain("expected, no amount stated");
        var trail = await fixture.Ledger.AuditAsync("brief-2010-truck-pledge/barracks-aid");
        trail!.Summary.Should().Contain("is expected to grant");
    }

    [Fact]
    public async Task A_delivery_names_the_pledge_it_realises_and_a_grant_the_agreement_it_is_made_under()
    {
        var pledge = await fixture.Ledger.AuditAsync("brief-2010-truck-pledge/trucks-pledge");
        var grant = await fixture.Ledger.AuditAsync("brief-2010-minister-visit/border-posts-grant");
        var umbrella = await fixture.Ledger.AuditAsync("brief-2010-minister-visit/visit-agreements");

        pledge!.Links.Should().ContainSingle().Which.Should().Match<LinkedFact>(l => l.Kind == LinkKind.Realises && l.Incoming && l.Key == "brief-2010-minister-visit/trucks-delivered" && l.Citation != null);
        grant!.Links.Select(l => (l.Kind, l.Incoming, l.Key)).Should().BeEquivalentTo(
            [(LinkKind.Under, false, "brief-2010-minister-visit/military-aid-framework"), (LinkKind.PartOf, false, "brief-2010-minister-visit/visit-agreements")]);
        umbrella!.Links.Should().HaveCount(2).And.OnlyContain(l => l.Kind == LinkKind.PartOf && l.Incoming);
    }

    [Fact]
    public async Task A_plan_with_no_timetable_shows_as_planned_from_its_announcement()
    {
        var before = await fixture.Ledger.GetTimelineAsync(AsOf.On(new LocalDate(2010, 6, 7)), actor: "kg");
        var years = await fixture.Ledger.GetTimelineAsync(AsOf.On(new LocalDate(2015, 1, 1)), actor: "kg");

        before.Select(item => item.Key).Should().NotContain("brief-2010-minister-visit/osh-training-centre");
        var plan = years.Single(item => item.Key == "brief-2010-minister-visit/osh-training-centre");
        plan.Stage.Should().Be(Stage.Pledged, "years on, nothing says it opened");
        plan.Summary.Should().Be("Kyrgyzstan will set up a joint training centre (planned)");
    }

    [Fact]
    public async Task An_agreement_to_be_signed_in_march_is_announced_and_says_when_it_is_due()
    {
        var agreements = await fixture.Ledger.GetAgreementsAsync(AsOf.On(new LocalDate(2010, 1, 31)), party: "CN");
        var tool = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString }, "agreements", "--party", "CN", "--as-of", "2010-01-31");

        var agreement = agreements.Should().ContainSingle(a => a.Key == "brief-2010-truck-pledge/military-aid-agreement").Subject;
        agreement.State.Should().Be(AgreementState.Announced);
        agreement.Due!.ToString().Should().Be("2010-03");
        tool.Output.Should().Contain("pledged (due 2010-03)");
    }

    [Fact]
    public void A_bad_country_code_is_refused_on_the_country_field()
    {
        var yaml = File.ReadAllText(Fixtures.FactFile("brief-2010-truck-pledge"))
            .Replace("kg-army: { kind: agency, name: Kyrgyz army, country: KG }", "kg-army: { kind: agency, name: Kyrgyz army, country: AA }", StringComparison.Ordinal);

        var errors = Fixtures.Refusals(yaml, "brief-2010-truck-pledge.txt");

        errors.Should().Contain(e => e.Field == "actors.kg-army.country", "the error names the field at fault, not the actor's kind");
    }

    [Fact]
    public void Umbrellas_in_a_circle_are_refused()
    {
        var yaml = File.ReadAllText(Fixtures.FactFile("brief-2010-minister-visit"))
            .Replace("    purpose: several agreements signed during the minister's visit\n", "    purpose: several agreements signed during the minister's visit\n    links: { part_of: border-posts-grant }\n", StringComparison.Ordinal);

        var errors = Fixtures.Refusals(yaml, "brief-2010-minister-visit.txt");

        errors.Should().Contain(e => e.Reason.Contains("do not go round in a circle", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("stage: realised", "expected: \"2011\"", "expected", "give it with stage pledged, committed or expected")]
    [InlineData("stage: pledged", "expected: 2009-12", "expected", "is before the announcement")]
    [InlineData("stage: pledged", "links: { realises: no-such-fact }", "links", "'no-such-fact' (realises) is not a fact of this document")]
    [InlineData("stage: pledged", "links: { same_as: pledge }", "same_as", "names the fact itself")]
    [InlineData("stage: pledged", "links: { realises: a/b/c }", "realises", "is not a fact key")]
    [InlineData("stage: pledged", "links: { realise: trucks }", "realise", "is not a kind of link; the kinds are: under, realises, part_of, same_as, conflicts_with, ends.")]
    [InlineData("stage: pledged", "donor: kg", "recipient", "(kg-army) and the donor (kg) are one state, KG: a state's spending on its own bodies is a commitment_made")]
    public void A_due_date_or_link_that_cannot_be_right_is_refused(string stage, string field, string path, string reason)
    {
        var yaml = $$"""
            document: { key: test-links, article: ../articles/brief-2010-truck-pledge.txt, publication: Test Brief, published: 2010-01-15 }
            actors:
              cn: { kind: country, name: China, country: CN }
              kg: { kind: country, name: Kyrgyzstan, country: KG }
              kg-army: { kind: agency, name: Kyrgyz army, country: KG }
            facts:
              - key: pledge
                type: equipment_donated
                {{stage}}
                date: 2010-01-14
                {{field}}
                {{(field.StartsWith("donor:", StringComparison.Ordinal) ? string.Empty : "donor: cn")}}
                recipient: kg-army
                items: [20 trucks]
                citation: { quote: "The trucks are to arrive by June." }
            """;

        var errors = Fixtures.Refusals(yaml, "brief-2010-truck-pledge.txt");

        errors.Should().Contain(e => e.Field!.EndsWith(path, StringComparison.Ordinal) && e.Reason.Contains(reason, StringComparison.Ordinal));
    }
}
