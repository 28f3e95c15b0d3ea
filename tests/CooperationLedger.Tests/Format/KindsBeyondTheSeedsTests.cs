using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Tests.Support;
using NodaTime;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Given a news brief of 14 March 2012 (Test Brief): Kazakhstan expelled two Kyrgyz diplomats, a fact no kind fits; the
/// Kyrgyz government agreed to co-finance a border post with 40 million soms of its own, which is not aid to it; and
/// Japan pledged patrol vehicles to the Kyrgyz Border Service.
/// </summary>
public sealed class KindsBeyondTheSeedsTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    private static readonly LocalDate EndOfMarch2012 = new(2012, 3, 31);

    public async Task InitializeAsync() => await fixture.Ledger.IngestAsync([Fixtures.FactFile("brief-2012-border-post")]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_fact_no_kind_fits_is_kept_in_the_timeline_and_the_audit_in_its_own_words()
    {
        var timeline = await fixture.Ledger.GetTimelineAsync(AsOf.Known(EndOfMarch2012), actor: "Kazakhstan");
        var trail = await fixture.Ledger.AuditAsync("brief-2012-border-post/diplomats-expelled");

        timeline.Should().ContainSingle().Which.Summary.Should().Be("Kazakhstan and Kyrgyzstan: Kazakhstan expelled two Kyrgyz diplomats");
        trail!.Fact.Should().BeOfType<OtherFactReported>().Which.Description.Should().Be("Kazakhstan expelled two Kyrgyz diplomats");
        trail.Recorded.EventType.Should().Be("reported_fact");
        trail.Fact.Citation.RelayedFrom!.Outlet.Should().Be("Kazakh foreign ministry");
    }

    [Fact]
    public async Task A_recipients_own_commitment_is_not_aid_to_it_and_is_kept_with_its_amount()
    {
        var totals = await fixture.Ledger.GetDonorTotalsAsync(AsOf.Known(EndOfMarch2012), new DonationFilter(Recipient: "KG"));
        var trail = await fixture.Ledger.AuditAsync("brief-2012-border-post/karamyk-cofinancing");

        totals.Totals.Should().BeEmpty("the government's 40 million soms are its own money, not a donation to Kyrgyzstan");
        totals.NoAmountStated.Should().ContainSingle("Japan's vehicles are the one donation, pledged with no amount")
            .Which.Donor.Name.Should().Be("Japan");
        var commitment = trail!.Fact.Should().BeOfType<CommitmentMade>().Subject;
        commitment.Party.Name.Should().Be("Kyrgyz government");
        commitment.Stage.Should().Be(Stage.Committed);
        trail.Figure.Should().Be(commitment.Value!.ToString());
        trail.Summary.Should().Be("Kyrgyz government commits 40,000,000 KGS to the new border post at Karamyk");
    }

    [Fact]
    public async Task A_donation_whose_donor_is_its_recipient_is_refused_naming_the_kind_to_use()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "malformed", "donor-is-recipient.yaml");

        var act = () => fixture.Ledger.IngestAsync([file]);

        var error = (await act.Should().ThrowAsync<FactFileException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Fact.Should().Be("radio-sets");
        error.Field.Should().Be("facts[0].recipient");
        error.Reason.Should().Contain("is the donor").And.Contain("commitment_made");
    }

    [Fact]
    public async Task A_donation_built_in_code_whose_donor_is_its_recipient_is_refused_too()
    {
        var parsed = Reading.FactFileReader.Read(Fixtures.FactFile("brief-2012-border-post"));
        var donation = parsed.Events.OfType<EquipmentDonated>().Single();
        var document = new DocumentFacts(parsed.Document, parsed.ArticleText, [donation with { Recipient = donation.Donor }]);

        var act = () => fixture.Ledger.AppendAsync(document);

        (await act.Should().ThrowAsync<FactFileException>()).Which.Errors.Should().ContainSingle()
            .Which.Reason.Should().Contain("is the donor");
    }
}
