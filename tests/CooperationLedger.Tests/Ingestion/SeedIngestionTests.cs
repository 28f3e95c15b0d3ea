using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;
using NodaTime;

namespace CooperationLedger.Tests.Ingestion;

/// <summary>Given the five seed articles' fact files, the ledger holds every fact with its citation intact.</summary>
public sealed class SeedIngestionTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    private IngestReport report = null!;

    public async Task InitializeAsync() => report = await fixture.Ledger.IngestAsync([Seeds.Facts]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task All_five_documents_are_ingested_and_a_second_ingest_appends_nothing()
    {
        // The class fixture ingested once in InitializeAsync for every test; this ingest is at least the second.
        var again = await fixture.Ledger.IngestAsync([Seeds.Facts]);

        again.Documents.Should().HaveCount(5);
        again.FactsAppended.Should().Be(0);
        again.FactsAlreadyPresent.Should().Be(await fixture.Ledger.CountEventsAsync());
        (await fixture.Ledger.CountEventsAsync()).Should().Be(Seeds.FactFiles.Sum(file => FactFileReader.Read(file).Events.Count));
    }

    [Fact]
    public async Task The_drug_control_agency_claim_keeps_its_periods_claimant_and_cited_outlet()
    {
        var claim = await LoadAsync<StatisticClaimed>("edm-2006-v3-i223", "dca-narcotics-seized-2006");

        claim.Measure.Should().Be(new StatisticMeasure(StatisticKind.PercentChange, 39.5m, "percent", "39.5% more"));
        claim.Period.Should().Be(ReportedDate.MonthsFrom(new YearMonth(2006, 1), new YearMonth(2006, 9)));
        claim.Baseline.Should().Be(ReportedDate.MonthsFrom(new YearMonth(2005, 1), new YearMonth(2005, 9)));
        claim.Claimant!.Name.Should().Be("Bolotbek Nogoybayev");
        claim.Claimant.Role.Should().Be("director of the Kyrgyz Drug Control Agency");
        claim.Citation.Stance.Should().Be(Stance.Party, "an official on his own agency's results makes a claim");
        claim.Citation.IsClaim.Should().BeTrue();
        claim.Citation.RelayedFrom.Should().Be(new Relay("Kabar", ReportedDate.OnDay(new LocalDate(2006, 11, 22))));
        claim.Citation.Document.Publication.Should().Be("Eurasia Daily Monitor");
        claim.Citation.Document.Volume.Should().Be("3");
        claim.Citation.Document.Issue.Should().Be("223");
        claim.Citation.Document.PublishedOn.IsInferred.Should().BeTrue("the article prints no date");
        claim.Citation.Location!.Paragraph.Should().Be(4);
    }

    [Fact]
    public async Task The_chinese_equipment_pledge_keeps_its_amount_stated_equivalent_and_relative_year()
    {
        var donation = await LoadAsync<EquipmentDonated>("cao-2011-gknb-cooperation", "cn-equipment-for-gknb-2011");

        donation.Stage.Should().Be(Stage.Pledged);
        donation.Donor.Id.Should().Be("cn");
        donation.Channel!.Name.Should().Be("Chinese Ministry of Public Security");
        donation.Recipient.Aliases.Should().Contain(["GKNB", "SCNS"]);
        donation.Items.Should().Equal("computers", "motor vehicles");
        donation.Value!.Amount.Should().Be(21_000_000m);
        donation.Value.Currency.Code.Should().Be("KGS");
        donation.Value.Verbatim.Should().Be("21m KGS");
        donation.Value.StatedEquivalents.Should().ContainSingle().Which.Should().Be(new MoneyAmount(450_000m, new Currency("USD"), verbatim: "US $450,000"));
        donation.Expected!.Phrase.Should().Be("this year", "the pledge is due this year");
        donation.Expected.Precision.Should().Be(DatePrecision.Year);
        donation.Expected.Earliest.Should().Be(new LocalDate(2011, 1, 1));
        donation.Effective.Latest.Should().Be(new LocalDate(2011, 12, 31), "it was announced by the time of the article");
        donation.Links.Should().ContainSingle().Which.Should().Be(new FactLink(LinkKind.Under, "cao-2011-gknb-cooperation/cn-kg-four-areas-agreement"), "it is \"part of the deal\"");
        donation.Citation.AttributedTo!.Name.Should().Be("Keneshbek Dushebayev");
        donation.Citation.Document.Author.Should().Be("Asker Sultanov");
        donation.Citation.Document.PublishedOn.Inference.Should().Contain("presidential election");
    }

    [Fact]
    public async Task The_iom_aid_keeps_its_approximate_amount_over_an_open_period()
    {
        var grant = await LoadAsync<GrantProvided>("edm-2006-v3-i223", "iom-grants-in-aid");

        grant.Value!.Approximation.Should().Be(Approximation.About);
        grant.Value.Amount.Should().Be(300_000_000m);
        grant.Effective.IsPeriod.Should().BeTrue();
        grant.Effective.Earliest.Should().BeNull("the office's opening date is not given");
        grant.Effective.Latest.Should().Be(new LocalDate(2006, 11, 21));
    }

    [Fact]
    public async Task The_china_kyrgyzstan_agreement_keeps_its_four_areas_and_inferred_year()
    {
        var agreement = await LoadAsync<AgreementSigned>("cao-2011-gknb-cooperation", "cn-kg-four-areas-agreement");

        agreement.Parties.Select(party => party.Id).Should().Equal("cn", "kg");
        agreement.Areas.Should().Equal("terrorism and extremism", "drug trafficking", "border security", "sharing of equipment and technology");
        agreement.Effective.Should().Be(ReportedDate.OnDay(new LocalDate(2011, 9, 5)).Inferred("Year not printed: the article's year (2011)."));
        agreement.Citation.RelayedFrom!.Outlet.Should().Be("GKNB press release");
    }

    [Fact]
    public async Task Operation_results_keep_counts_and_the_extradition_breakdown_as_structure()
    {
        var results = await LoadAsync<OperationResultsClaimed>("cao-2011-gknb-cooperation", "kg-operations-arrests-and-extraditions");

        var extradited = results.Counts.Single(count => count.Outcome == "extradited");
        extradited.Count.Should().Be(Quantity.Exactly(5));
        extradited.OfOutcome.Should().Be("detained");
        extradited.Breakdown.Select(share => (share.ActorId, share.Count.Low)).Should().Equal(("kz", 3), ("cn", 1), ("ru", 1));
        results.Counts.Single(count => count.Outcome == "detained").Count.Low.Should().Be(7);
    }

    [Fact]
    public async Task The_poll_and_the_later_meetings_read_back_from_their_articles()
    {
        var poll = await LoadAsync<PollPublished>("edm-2006-v3-i223", "iri-foreign-priority-poll");
        poll.Respondents.Should().Be(1500);
        poll.Results.Select(result => (result.Option, result.Percent)).Should().StartWith([("Russia", 91m), ("Kazakhstan", 5m)]);
        poll.Fieldwork.Phrase.Should().Be("this fall");

        var meeting = await LoadAsync<MeetingHeld>("edm-2006-v3-i148", "tabaldiyev-inoyatov-fergana");
        meeting.Place.Should().Be("Fergana");
        meeting.Effective.Should().Be(ReportedDate.OnDay(new LocalDate(2006, 7, 25)));

        var directorates = await LoadAsync<StructureEstablished>("edm-2005-v2-i226", "kg-emergencies-territorial-directorates");
        directorates.Citation.RelayedFrom!.Outlet.Should().Be("Kyrgyz Public Educational Radio");

        var summit = await LoadAsync<MeetingHeld>("edm-2007-v4-i101", "sco-summit-bishkek-2007");
        summit.Stage.Should().Be(Stage.Pledged);
        summit.Citation.Document.PublishedOn.Latest.Should().Be(new LocalDate(2007, 8, 15));
    }

    [Fact]
    public async Task Events_are_stored_under_their_stable_snake_case_names_with_ingest_metadata()
    {
        await using var session = fixture.Ledger.Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(FactIds.ForDocument("edm-2006-v3-i223"));

        stream.Select(e => e.EventTypeName).Should().Contain(["statistic_claimed", "grant_provided", "meeting_held", "poll_published"]);
        stream.Select(e => e.CorrelationId).Distinct().Should().ContainSingle("one ingest appended them").Which.Should().NotBeNullOrEmpty();
        stream.Should().OnlyContain(e => e.CausationId == "edm-2006-v3-i223");
        stream.Should().OnlyContain(e => e.UserName == Environment.UserName);
        stream.Should().OnlyContain(e => (string)e.Headers!["source-file"] == "edm-2006-v3-i223.yaml");
        stream.Should().OnlyContain(e => e.Timestamp == fixture.Clock.GetCurrentInstant().ToDateTimeOffset(), "recorded times come from the injected clock");
    }

    private async Task<T> LoadAsync<T>(string document, string fact)
        where T : ILedgerEvent
    {
        await using var session = fixture.Ledger.Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(FactIds.ForDocument(document));
        return stream.Select(e => e.Data).OfType<T>().Single(e => e.FactId == FactIds.ForFact(document, fact));
    }
}
