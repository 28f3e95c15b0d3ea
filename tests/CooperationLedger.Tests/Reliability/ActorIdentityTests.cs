using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// One actor key, one entity: a document that gives a key the ledger already holds to another entity (<c>cn</c> as
/// Canada where it was China) is refused, naming where each was declared, and no donor total mixes the two; the names
/// and the body documents give one entity are all its own, in every question.
/// </summary>
public sealed class ActorIdentityTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IDisposable
{
    private readonly string corpus = Directory.CreateTempSubdirectory("ledger-actors-").FullName;

    public void Dispose() => Directory.Delete(corpus, recursive: true);

    [Fact]
    public async Task A_key_the_ledger_holds_for_china_cannot_name_canada_in_another_document()
    {
        var china = Write("china", "malformed-base", "cn: { kind: country, name: China, country: CN }");
        var canada = Write("canada", "canada-wire", "cn: { kind: country, name: Canada, country: CA }");
        await fixture.Ledger.IngestAsync([china]);
        var before = AnswerJson.Of(await fixture.Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: "CN")));
        var eventsBefore = await fixture.Ledger.CountEventsAsync();

        var act = () => fixture.Ledger.IngestAsync([canada]);

        var error = (await act.Should().ThrowAsync<FactFileException>()).Which.Errors.Should().ContainSingle().Subject;
        error.File.Should().Be(canada);
        error.Field.Should().Be("actors.cn");
        error.Reason.Should().Contain("country 'Canada' (CA)").And.Contain("country 'China' (CN)").And.Contain("(declared in document '");
        (await fixture.Ledger.CountEventsAsync()).Should().Be(eventsBefore);
        AnswerJson.Of(await fixture.Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: "CN"))).Should().Be(before);
    }

    [Fact]
    public async Task A_key_spelt_like_another_countrys_code_names_both_countries()
    {
        await fixture.Ledger.IngestAsync([Write("france", "wire-de", "cn: { kind: country, name: France, country: FR }", key: "de")]);

        var match = await fixture.Ledger.MatchActorAsync("DE");

        match.Found.Should().BeTrue();
        match.Actors.Should().Contain("de");
        match.Countries.Should().Equal(["DE", "FR"], "'DE' is France's key and Germany's ISO code");
    }

    [Fact]
    public async Task Two_files_of_one_ingest_that_give_a_key_to_two_entities_are_refused_naming_both()
    {
        var first = Write("first", "wire-one", "cn: { kind: country, name: Chile, country: CL }");
        var second = Write("second", "wire-two", "cn: { kind: country, name: Cuba, country: CU }");

        var act = () => fixture.Ledger.IngestAsync([first, second]);

        var error = (await act.Should().ThrowAsync<FactFileException>()).Which.Errors.Should().ContainSingle().Subject;
        error.File.Should().Be(second);
        error.Reason.Should().Contain(first).And.Contain("'Chile'").And.Contain("'Cuba'");
    }

    [Fact]
    public async Task A_name_in_another_unicode_form_is_the_same_name()
    {
        var composed = "Chi\u00F1a";
        var decomposed = "Chin\u0303a";
        await fixture.Ledger.IngestAsync([Write("nfc", "form-nfc", $"cn: {{ kind: country, name: {composed}, country: CN }}", key: "form-cn")]);

        var report = await fixture.Ledger.IngestAsync([Write("nfd", "form-nfd", $"cn: {{ kind: country, name: {decomposed}, country: CN }}", key: "form-cn")]);

        report.FactsAppended.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task The_same_entity_under_its_key_in_another_document_is_accepted()
    {
        await fixture.Ledger.IngestAsync([Write("same-a", "same-a", "cn: { kind: country, name: China, country: CN }")]);

        var report = await fixture.Ledger.IngestAsync([Write("same-b", "same-b", "cn: { kind: country, name: China, country: CN }")]);

        report.FactsAppended.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task The_bulk_path_refuses_a_key_given_to_two_entities_by_batches_written_side_by_side()
    {
        // One document a batch: the second batch is checked while the first, which registers the key, is not committed.
        var first = FactFileReader.Read(Write("bulk-one", "bulk-one", "cn: { kind: country, name: China, country: CN }", key: "bulk-cn"));
        var second = FactFileReader.Read(Write("bulk-two", "bulk-two", "cn: { kind: country, name: Canada, country: CA }", key: "bulk-cn"));
        DocumentFacts[] documents = [new(first.Document, first.ArticleText, first.Events), new(second.Document, second.ArticleText, second.Events)];

        var act = () => fixture.Ledger.AppendManyAsync(documents.ToAsyncEnumerable(), batchFacts: 1);

        (await act.Should().ThrowAsync<FactFileException>()).Which.Errors.Should().ContainSingle()
            .Which.Reason.Should().Contain("country 'Canada' (CA)").And.Contain("country 'China' (CN)");
        (await fixture.Ledger.AuditAsync("bulk-one/radio-sets")).Should().NotBeNull("the batch before the refused one is kept");
        (await fixture.Ledger.AuditAsync("bulk-two/radio-sets")).Should().BeNull();
    }

    [Fact]
    public async Task A_name_a_later_document_gives_an_actor_finds_what_every_document_says_of_it()
    {
        await fixture.Ledger.IngestAsync([Write("fund-a", "fund-a", "cn: { kind: organisation, name: Steppe Fund }", key: "steppe-fund")]);
        await fixture.Ledger.IngestAsync([Write("fund-b", "fund-b", "cn: { kind: organisation, name: Steppe Fund, aliases: [The Fund] }", key: "steppe-fund")]);

        var byAlias = await fixture.Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: "the fund"));

        var total = byAlias.Totals.Should().ContainSingle().Subject;
        total.Donations.Should().Be(2, "the first document's donation is the same fund's, though it did not know the alias");
        total.Sources.Select(source => source.Key).Should().BeEquivalentTo(["fund-a/radio-sets", "fund-b/radio-sets"]);
    }

    [Fact]
    public async Task A_person_of_no_country_of_its_own_who_is_a_member_of_a_kyrgyz_agency_is_kyrgyzstan_s()
    {
        await fixture.Ledger.IngestAsync([Write("member", "member-donor", "cn: { kind: person, name: Temir Example, memberOf: kg-border }", key: "temir")]);

        var byKyrgyzstan = await fixture.Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: "KG"));
        var timeline = await fixture.Ledger.GetTimelineAsync(AsOf.Now, "KG", "temir");

        byKyrgyzstan.Totals.Should().Contain(total => total.Donor.Id == "temir" && total.Donor.Country == null, "he is a member of the Kyrgyz Border Service");
        timeline.Select(item => item.Key).Should().Contain("member-donor/radio-sets");
    }

    private string Write(string name, string documentKey, string cn, string key = "cn") =>
        ActorVariants.Write(corpus, name, documentKey, cn, key);
}
