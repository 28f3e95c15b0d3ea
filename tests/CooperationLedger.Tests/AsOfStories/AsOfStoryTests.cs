using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;
using Marten;
using NodaTime;

namespace CooperationLedger.Tests.AsOfStories;

/// <summary>
/// Given the five seed articles, ingested on 2026-01-10; then a wire that corrects the drug agency's figure and
/// retracts the IOM aid, ingested on 2026-02-01; then a review that disputes the figure, ingested on 2026-03-01.
/// </summary>
public sealed class AsOfStoryTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    private static readonly Instant SeedsRecorded = Instant.FromUtc(2026, 1, 10, 9, 0);
    private static readonly Instant RevisionRecorded = Instant.FromUtc(2026, 2, 1, 9, 0);
    private static readonly Instant ReviewRecorded = Instant.FromUtc(2026, 3, 1, 9, 0);
    private static readonly Guid DcaClaim = FactIds.ForFact("edm-2006-v3-i223", "dca-narcotics-seized-2006");

    private Ledger Ledger => fixture.Ledger;

    public async Task InitializeAsync()
    {
        if ((await Ledger.GetTimelineAsync(AsOf.Now)).Count > 0)
        {
            return; // the class fixture's database already holds the story
        }

        fixture.Clock.Reset(SeedsRecorded);
        await Ledger.IngestAsync([Seeds.Facts]);
        fixture.Clock.Reset(RevisionRecorded);
        await Ledger.IngestAsync([Fixtures.FactFile("wire-2007-dca-revision")]);
        fixture.Clock.Reset(ReviewRecorded);
        await Ledger.IngestAsync([Fixtures.FactFile("review-2007-dca-figures")]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_chinese_equipment_pledge_is_known_at_the_end_of_2011_and_not_in_mid_2006()
    {
        var endOf2011 = await Ledger.GetDonorTotalsAsync(AsOf.Known(new LocalDate(2011, 12, 31)), new DonationFilter(Donor: "CN", Recipient: "kg-gknb"));
        var mid2006 = await Ledger.GetDonorTotalsAsync(AsOf.Known(new LocalDate(2006, 6, 30)), new DonationFilter(Donor: "CN"));

        var kgs = endOf2011.Totals.Single(total => total.Currency.Code == "KGS");
        kgs.Pledged.Should().Be(new AmountTotal(21_000_000m, 0m, 21_000_000m, 21_000_000m));
        kgs.Realised.IsZero.Should().BeTrue("it is a pledge, not a delivery");
        kgs.StatedEquivalents.Single().Equivalent.Verbatim.Should().Be("US $450,000");
        kgs.Sources.Should().ContainSingle().Which.Citation.AttributedTo!.Name.Should().Be("Keneshbek Dushebayev");
        kgs.Due.Should().ContainSingle().Which.Due.ToString().Should().Be("2011", "the pledge is counted from its announcement and due \"this year\"");
        endOf2011.Totals.Should().NotContain(total => total.Currency.Code == "USD", "a stated equivalent is never summed");
        mid2006.Totals.Should().BeEmpty();
    }

    [Fact]
    public async Task The_expectation_of_more_equipment_in_2012_is_listed_apart_as_no_amount_stated_never_as_a_zero_total()
    {
        var endOf2011 = await Ledger.GetDonorTotalsAsync(AsOf.Known(new LocalDate(2011, 12, 31)), new DonationFilter(Donor: "cn", Recipient: "kg-gknb"));

        endOf2011.Totals.Should().ContainSingle("the 21m KGS pledge is the only amount China stated for the GKNB")
            .Which.Should().Match<DonorTotal>(total => total.Currency.Code == "KGS" && total.Donations == 1);
        var open = endOf2011.NoAmountStated.Should().ContainSingle().Subject;
        open.Key.Should().Be("cao-2011-gknb-cooperation/cn-equipment-for-gknb-2012");
        open.Type.Should().Be("equipment_donated");
        (open.Donor.Name, open.Recipient.Name).Should().Be(("China", "Kyrgyz State Committee for National Security"));
        open.Description.Should().Be("more such equipment");
        open.Stage.Should().Be(Stage.Expected, "\"more such equipment is expected\" is the recipient's expectation, not China's promise");
        open.Effective.ToString().Should().Be("..2011-12-31", "it was said by the time of the article; it is due in 2012");
        var source = open.Sources.Should().ContainSingle().Subject;
        source.FactId.Should().Be(open.FactId);
        source.Citation.Quote.Should().Be("In 2012, more such equipment is expected, he said.");
        source.Citation.AttributedTo!.Name.Should().Be("Keneshbek Dushebayev");
    }

    [Fact]
    public async Task Every_seed_donation_without_an_amount_is_listed_apart_and_every_total_has_an_amount()
    {
        var unstated = Seeds.FactFiles.SelectMany(file => FactFileReader.Read(file).Events)
            .Where(fact => fact is EquipmentDonated { Value: null } or GrantProvided { Value: null })
            .Select(fact => fact.Key);

        var totals = await Ledger.GetDonorTotalsAsync(AsOf.Now);

        unstated.Should().HaveCount(4, "four seed donations state no amount");
        totals.NoAmountStated.Select(donation => donation.Key).Should().BeEquivalentTo(unstated);
        totals.NoAmountStated.Should().OnlyContain(donation => (donation.Stage == Stage.Pledged || donation.Stage == Stage.Expected) && donation.Sources.Count > 0);
        totals.Totals.Should().NotBeEmpty()
            .And.OnlyContain(total => !(total.Pledged.IsZero && total.Committed.IsZero && total.Realised.IsZero), "a line sums stated amounts only");
    }

    [Fact]
    public async Task The_drug_agency_claim_is_known_at_the_end_of_2006_and_not_a_month_earlier()
    {
        var endOf2006 = await Ledger.GetClaimedStatisticsAsync(AsOf.Known(new LocalDate(2006, 12, 31)), new ClaimFilter(Metric: "narcotics seized"));
        var monthEarlier = await Ledger.GetClaimedStatisticsAsync(AsOf.Known(new LocalDate(2006, 11, 30)), new ClaimFilter(Metric: "narcotics seized"));

        var claim = endOf2006.Claims.Should().ContainSingle().Subject;
        claim.Measure.Value.Should().Be(39.5m);
        claim.Measure.Kind.Should().Be(StatisticKind.PercentChange);
        claim.Period!.ToString().Should().Be("2006-01/2006-09");
        claim.Baseline!.ToString().Should().Be("2005-01/2005-09");
        claim.Claimant!.Name.Should().Be("Bolotbek Nogoybayev");
        claim.Subject.Name.Should().Be("Kyrgyz Drug Control Agency");
        claim.Sources.Single().Citation.RelayedFrom!.ToString().Should().Be("Kabar, 2006-11-22");
        claim.Standing.Should().Be(Standing.Asserted);
        monthEarlier.Claims.Should().BeEmpty("under the default rule the article is certainly published only by 2006-12-31");
    }

    [Fact]
    public async Task Under_the_possibly_rule_the_claim_is_known_from_the_earliest_publication_day()
    {
        var possibly = await Ledger.GetClaimedStatisticsAsync(new AsOf { KnownOn = new LocalDate(2006, 11, 28), Rule = DateRule.Possibly });
        var dayBefore = await Ledger.GetClaimedStatisticsAsync(new AsOf { KnownOn = new LocalDate(2006, 11, 27), Rule = DateRule.Possibly });

        possibly.Claims.Should().Contain(claim => claim.FactId == DcaClaim);
        dayBefore.Claims.Should().NotContain(claim => claim.FactId == DcaClaim);
    }

    [Fact]
    public async Task The_china_kyrgyzstan_agreement_is_in_effect_from_its_date_and_not_before()
    {
        var onTheDay = await Ledger.GetAgreementsAsync(AsOf.On(new LocalDate(2011, 9, 5)), party: "CN");
        var dayBefore = await Ledger.GetAgreementsAsync(AsOf.On(new LocalDate(2011, 9, 4)), party: "CN");

        var agreement = onTheDay.Single(a => a.Key == "cao-2011-gknb-cooperation/cn-kg-four-areas-agreement");
        agreement.InEffect.Should().BeTrue();
        agreement.Areas.Should().HaveCount(4);
        agreement.Effective.IsInferred.Should().BeTrue();
        dayBefore.Should().NotContain(a => a.Key == agreement.Key);
    }

    [Fact]
    public async Task A_pledged_agreement_is_listed_but_not_in_effect()
    {
        var agreements = await Ledger.GetAgreementsAsync(AsOf.On(new LocalDate(2006, 12, 31)), party: "UZ");

        agreements.Single(a => a.Key == "edm-2006-v3-i148/kg-uz-counter-terrorism-coordination").InEffect.Should().BeFalse();
        agreements.Single(a => a.Key == "edm-2006-v3-i148/cn-drug-testing-laboratory").InEffect.Should().BeTrue();
    }

    [Fact]
    public async Task A_correction_changes_the_claim_only_from_its_own_known_date_and_recorded_time()
    {
        var beforeCorrectionPublished = await ClaimAsync(new AsOf { KnownOn = new LocalDate(2007, 1, 14) });
        var afterCorrectionPublished = await ClaimAsync(new AsOf { KnownOn = new LocalDate(2007, 1, 15) });
        var beforeCorrectionRecorded = await ClaimAsync(new AsOf { RecordedAt = RevisionRecorded - Duration.FromSeconds(1) });

        beforeCorrectionPublished.Measure.Value.Should().Be(39.5m);
        beforeCorrectionPublished.Standing.Should().Be(Standing.Asserted);
        afterCorrectionPublished.Measure.Value.Should().Be(35.9m);
        afterCorrectionPublished.OriginalMeasure!.Value.Should().Be(39.5m);
        afterCorrectionPublished.Standing.Should().Be(Standing.Corrected);
        afterCorrectionPublished.Sources.Should().Contain(source => source.Role == SourceRole.Correction && source.Citation.Document.Publication == "Test Wire");
        beforeCorrectionRecorded.Measure.Value.Should().Be(39.5m, "an auditor replaying the ledger before the correction was entered sees the original");
    }

    [Fact]
    public async Task A_retraction_removes_the_iom_aid_only_from_its_own_known_date_and_recorded_time()
    {
        var filter = new DonationFilter(Donor: "iom");
        var before = await Ledger.GetDonorTotalsAsync(AsOf.Known(new LocalDate(2007, 1, 14)), filter);
        var after = await Ledger.GetDonorTotalsAsync(AsOf.Known(new LocalDate(2007, 1, 15)), filter);
        var replayed = await Ledger.GetDonorTotalsAsync(new AsOf { RecordedAt = SeedsRecorded }, filter);

        before.Totals.Single(total => total.Currency.Code == "KGS").Realised.Should().Be(new AmountTotal(0m, 300_000_000m, null, null), "around 300 million soms is hedged, and gives no bounds");
        after.Totals.Should().BeEmpty("the only amount was retracted");
        after.NoAmountStated.Should().ContainSingle("the Dostuk pledge, which states no amount, is not retracted")
            .Which.Description.Should().Be("refurbishment of the Dostuk checkpoint on the Kyrgyz-Uzbek border");
        replayed.Totals.Single(total => total.Currency.Code == "KGS").Realised.Approximate.Should().Be(300_000_000m);
    }

    [Fact]
    public async Task Two_sources_that_disagree_are_both_shown_as_disputed_with_both_citations()
    {
        var afterReview = await Ledger.GetClaimedStatisticsAsync(AsOf.Known(new LocalDate(2007, 3, 1)), new ClaimFilter(Metric: "narcotics seized"));
        var beforeReview = await Ledger.GetClaimedStatisticsAsync(AsOf.Known(new LocalDate(2007, 2, 28)), new ClaimFilter(Metric: "narcotics seized"));

        afterReview.Claims.Should().HaveCount(2).And.OnlyContain(claim => claim.Standing == Standing.Disputed);
        var dispute = afterReview.Disputes.Should().ContainSingle().Subject;
        dispute.Matter.Should().Be("kg-dca-narcotics-seized-2006-01-09");
        dispute.Versions.Select(version => (version.Figure, version.Citation.Document.Publication))
            .Should().BeEquivalentTo(new[] { ("+35.9%", "Eurasia Daily Monitor"), ("+41%", "Test Review") });
        beforeReview.Disputes.Should().BeEmpty();
    }

    [Fact]
    public async Task The_audit_trail_of_a_donor_total_names_the_article_the_speaker_and_the_quote()
    {
        var totals = await Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: "cn", Recipient: "kg-gknb", Currency: "KGS"));

        var trail = (await Ledger.ExplainAsync(totals.Totals.Single())).Should().ContainSingle().Subject;
        var donation = trail.Fact.Should().BeOfType<EquipmentDonated>().Subject;
        donation.Citation.Document.Publication.Should().Be("Central Asia Online");
        donation.Citation.Document.Title.Should().Be("Kyrgyz Special Services Expand International Co-Operation");
        donation.Citation.AttributedTo!.Name.Should().Be("Keneshbek Dushebayev");
        donation.Citation.Quote.Should().Contain("worth 21m KGS (US $450,000) to the GKNB");
        trail.Recorded.EventType.Should().Be("equipment_donated");
        trail.Recorded.RecordedAt.Should().Be(SeedsRecorded);
        trail.Recorded.SourceFile.Should().Be("cao-2011-gknb-cooperation.yaml");
    }

    [Fact]
    public async Task The_audit_of_a_corrected_and_disputed_claim_shows_its_revision_and_the_other_source()
    {
        var trail = await Ledger.AuditAsync(DcaClaim);

        trail!.Revisions.Should().ContainSingle().Which.Changes!.StatisticValue.Should().Be(35.9m);
        trail.Revisions[0].Citation.Quote.Should().Contain("not 39.5% as first announced");
        trail.SameMatter.Should().ContainSingle().Which.Should().Match<RelatedFact>(related => related.Relation == Relation.Disputes && related.Figure == "+41%");
    }

    [Fact]
    public async Task The_export_gives_every_fact_and_revision_in_the_order_recorded_as_martens_own_event_query_reads_them()
    {
        var exported = new List<RecordedFact>();
        await foreach (var fact in Ledger.ReadFactsAsync())
        {
            exported.Add(fact);
        }

        await using var session = Ledger.Store.QuerySession();
        var stored = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        var serializer = Ledger.Store.Options.Serializer();
        exported.Select(fact => fact.Recorded).Should().Equal(stored.Select(e => new Recording(
            e.StreamId, e.Version, e.Sequence, Instant.FromDateTimeOffset(e.Timestamp), e.EventTypeName, e.CorrelationId, e.Headers!["source-file"].ToString())));
        exported.Select(fact => serializer.ToJson(fact.Fact)).Should().Equal(stored.Select(e => serializer.ToJson(e.Data)));
        exported.Select(fact => fact.Recorded.RecordedAt).Distinct().Should().Equal(SeedsRecorded, RevisionRecorded, ReviewRecorded);
        exported.Should().Contain(fact => fact.Fact is FactCorrected).And.Contain(fact => fact.Fact is FactRetracted);
    }

    [Fact]
    public async Task Donations_to_kyrgyzstan_by_name_include_those_to_its_agencies_each_under_its_actual_recipient()
    {
        var endOf2011 = AsOf.Known(new LocalDate(2011, 12, 31));

        var toKyrgyzstan = await Ledger.GetDonorTotalsAsync(endOf2011, new DonationFilter(Recipient: "Kyrgyzstan"));
        var byKyrgyzstan = await Ledger.GetClaimedStatisticsAsync(endOf2011, new ClaimFilter(Claimant: "Kyrgyzstan"));

        toKyrgyzstan.Totals.Should().ContainSingle("the IOM's aid was retracted in 2007; China's pledge to the GKNB stands")
            .Which.Should().Match<DonorTotal>(total => total.Donor.Id == "cn" && total.Recipient.Id == "kg-gknb");
        toKyrgyzstan.NoAmountStated.Select(donation => (donation.Donor.Id, donation.Recipient.Id))
            .Should().BeEquivalentTo(new[] { ("cn", "kg-gknb"), ("us", "kg-mod"), ("iom", "kg") });
        byKyrgyzstan.Claims.Should().Contain(claim => claim.FactId == DcaClaim && claim.Claimant!.Id == "nogoybayev", "a Kyrgyz official's claim is Kyrgyzstan's");
    }

    [Fact]
    public async Task The_timeline_between_kyrgyzstan_and_china_by_name_holds_their_agencies_dealings_in_order_of_effective_date()
    {
        var timeline = await Ledger.GetTimelineAsync(AsOf.Now, "Kyrgyzstan", "China");

        timeline.Select(item => item.Key).Should().Contain([
            "edm-2006-v3-i148/kg-cn-defense-officials-bishkek",
            "cao-2011-gknb-cooperation/cn-kg-four-areas-agreement",
            "cao-2011-gknb-cooperation/gknb-mps-within-rats",
            "cao-2011-gknb-cooperation/cn-equipment-for-gknb-2011",
        ]);
        timeline.Select(item => item.Effective.Latest ?? LocalDate.MaxIsoValue).Should().BeInAscendingOrder("under the certainly rule a date sorts by its latest possible day");
        timeline.Should().OnlyContain(item => item.Actors.Any(a => a.Country == "KG") && item.Actors.Any(a => a.Country == "CN"));
        timeline.Single(item => item.Key == "cao-2011-gknb-cooperation/gknb-mps-within-rats").Actors.Select(actor => actor.Id)
            .Should().Contain(["kg-gknb", "cn-mps"], "each item names the parties it is about, not the countries asked for");
        AnswerJson.Of(await Ledger.GetTimelineAsync(AsOf.Now, "GKNB")).Should().Be(AnswerJson.Of(await Ledger.GetTimelineAsync(AsOf.Now, "kg-gknb")), "an alias names the actor its key names");
    }

    [Theory]
    [InlineData("Kyrgyzstan")]
    [InlineData("KYRGYZSTAN")]
    [InlineData("kg")]
    [InlineData(" Kyrgyzstan ")]
    [InlineData("kg\n")]
    public async Task Kyrgyzstan_by_its_name_or_key_is_what_its_country_code_is_in_every_question(string kyrgyzstan)
    {
        var byCode = await EveryAnswerAboutAsync("KG");

        var byName = await EveryAnswerAboutAsync(kyrgyzstan);

        byName.Should().Equal(byCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_actor_named_by_nothing_is_refused_in_every_question_rather_than_matching_no_one(string nothing)
    {
        Func<Task>[] questions =
        [
            () => Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Recipient: nothing)),
            () => Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Subject: nothing)),
            () => Ledger.GetAgreementsAsync(AsOf.Now, "China", nothing),
            () => Ledger.GetTimelineAsync(AsOf.Now, nothing),
        ];

        foreach (var question in questions)
        {
            await question.Should().ThrowAsync<ArgumentException>().WithMessage("*this one is empty*");
        }
    }

    /// <summary>Asks every question that takes an actor about <paramref name="actor"/>, alone and with China.</summary>
    private async Task<string[]> EveryAnswerAboutAsync(string actor) =>
    [
        AnswerJson.Of(await Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Recipient: actor))),
        AnswerJson.Of(await Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: "China", Recipient: actor))),
        AnswerJson.Of(await Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: actor))),
        AnswerJson.Of(await Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Claimant: actor))),
        AnswerJson.Of(await Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Subject: actor))),
        AnswerJson.Of(await Ledger.GetAgreementsAsync(AsOf.Now, actor)),
        AnswerJson.Of(await Ledger.GetAgreementsAsync(AsOf.Now, "China", actor)),
        AnswerJson.Of(await Ledger.GetTimelineAsync(AsOf.Now, actor)),
        AnswerJson.Of(await Ledger.GetTimelineAsync(AsOf.Now, "China", actor)),
    ];

    private async Task<ClaimedStatistic> ClaimAsync(AsOf asOf) =>
        (await Ledger.GetClaimedStatisticsAsync(asOf, new ClaimFilter(Metric: "narcotics seized", Claimant: "nogoybayev"))).Claims.Single();

    [Fact]
    public async Task The_summary_as_known_at_the_end_of_2011_puts_the_iom_delivery_above_the_chinese_pledge_and_lists_the_newest_article()
    {
        var point = AsOf.Known(new LocalDate(2011, 12, 31)) with { RecordedAt = SeedsRecorded + Duration.FromHours(1) };

        var summary = await Ledger.GetSummaryAsync(point, top: 3);

        summary.AsOf.Should().Be(point);
        summary.Facts.Should().Be(48, "the seeds hold 48 facts, none of them a revision");
        summary.Kinds.Sum(kind => kind.Facts).Should().Be(summary.Facts);
        summary.Kinds[0].Should().Match<KindCount>(kind => kind.Type == "meeting_held" && kind.Facts == 21, "the visits and meetings are the most numerous kind");
        var kgs = summary.Currencies.Should().ContainSingle().Subject;
        kgs.Currency.Code.Should().Be("KGS");
        kgs.Pledged.Should().Be(new AmountTotal(21_000_000m, 0m, 21_000_000m, 21_000_000m), "China's pledge of equipment worth 21 million soms");
        kgs.Largest.Select(donor => donor.Donor.Id).Should().Equal(["iom", "cn"], "the IOM's realised aid of around 300 million soms ranks above a pledge");
        summary.NoAmountStated.Should().Be(4);
        summary.Newest.Should().HaveCount(3).And.OnlyContain(item => item.Key.StartsWith("cao-2011-gknb-cooperation/", StringComparison.Ordinal));
        summary.Newest.SelectMany(item => item.Sources).Should().OnlyContain(source => source.Citation.Document.Publication == "Central Asia Online");
    }

    [Fact]
    public async Task The_summary_after_the_wire_retracts_the_iom_aid_leaves_china_the_only_donor_in_soms_and_after_the_review_counts_the_dispute()
    {
        var known = AsOf.Known(new LocalDate(2011, 12, 31));

        var afterWire = await Ledger.GetSummaryAsync(known with { RecordedAt = RevisionRecorded + Duration.FromHours(1) });
        var afterReview = await Ledger.GetSummaryAsync(known with { RecordedAt = ReviewRecorded + Duration.FromHours(1) });
        var beforeReview = await Ledger.GetSummaryAsync(known with { RecordedAt = RevisionRecorded + Duration.FromHours(1) });

        var kgs = afterWire.Currencies.Should().ContainSingle().Subject;
        kgs.Largest.Should().ContainSingle().Which.Donor.Id.Should().Be("cn");
        kgs.Realised.IsZero.Should().BeTrue("the only delivery in soms was retracted");
        afterWire.Facts.Should().Be(47, "the retracted aid leaves the count, while the correction changes a fact rather than adding one");
        beforeReview.DisputeCount.Should().Be(0);
        afterReview.DisputeCount.Should().Be(1);
        afterReview.Metrics.Should().ContainSingle(metric => metric.Metric == "narcotics seized")
            .Which.Should().Match<MetricSummary>(metric => metric.Claims == 2 && metric.Disputed == 2);
        afterReview.Disputes.Should().ContainSingle().Which.Versions.Select(version => version.Figure).Should().BeEquivalentTo(["+35.9%", "+41%"]);
    }
}
