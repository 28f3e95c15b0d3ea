using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Given a corpus whose <c>actors.yaml</c> registers the OSCE (Wikidata Q81299) and the Kyrgyz Border Service, and the
/// brief of 20 May 2013 on OSCE aid: fact files name registry actors by key without declaring them, one entity keeps
/// one key, and a name a letter or two from a registered one is caught.
/// </summary>
public sealed class ActorRegistryTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IDisposable
{
    private const string Registry = """
        actors:
          osce: { kind: international_organisation, name: Organization for Security and Co-operation in Europe, aliases: [OSCE], wikidata: Q81299 }
          kg-border: { kind: agency, name: Kyrgyz Border Service, country: KG }
          kz-border: { kind: agency, name: Kazakh Border Service, country: KZ }
        """;

    private const string Facts = """
        document: { key: registry-osce-grant, article: ../articles/brief-2013-osce-aid.txt, publication: Test Brief, published: 2013-05-20 }
        ACTORS
        facts:
          - key: osce-training-grant
            type: grant_provided
            stage: realised
            date: "2013"
            donor: osce
            recipient: RECIPIENT
            purpose: training
            value: { amount: 100000, currency: EUR, verbatim: "EUR 100,000" }
            citation: { quote: "The OSCE gave the Kyrgyz Border Service EUR 100,000 for training" }
        """;

    private readonly string corpus = Directory.CreateTempSubdirectory("ledger-registry-").FullName;

    public void Dispose() => Directory.Delete(corpus, recursive: true);

    [Fact]
    public async Task A_fact_file_names_registry_actors_without_declaring_them()
    {
        var file = Write(Registry, actors: string.Empty, recipient: "kg-border");

        await fixture.Ledger.IngestAsync([Path.Combine(corpus, "facts")]);

        var totals = await fixture.Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: "OSCE"));
        var line = totals.Totals.Should().ContainSingle().Subject;
        (line.Donor.Id, line.Donor.Wikidata, line.Recipient.Name).Should().Be(("osce", "Q81299", "Kyrgyz Border Service"));
        File.Exists(file).Should().BeTrue();
    }

    [Fact]
    public async Task A_file_local_actor_under_a_registry_key_must_be_the_same_entity()
    {
        Write(Registry, actors: "actors:\n  kg-border: { kind: agency, name: Kyrgyz Border Service, country: KZ }", recipient: "kg-border");

        var act = () => fixture.Ledger.IngestAsync([Path.Combine(corpus, "facts")]);

        var error = (await act.Should().ThrowAsync<FactFileException>()).Which.Errors.Should().ContainSingle().Subject;
        (error.Field, error.Reason).Should().Match<(string?, string)>(e => e.Item1 == "actors.kg-border.name" && e.Item2.Contains("clashes with the actor registry's 'kg-border'", StringComparison.Ordinal) && e.Item2.Contains("actors.yaml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Kyrgyz Border Service", "'kyrgyz border service' is also the name of the actor registry's 'kg-border'")]
    [InlineData("the Kyrgyz Boarder Service", "'kyrgyz boarder service' is close to the name of the actor registry's 'kg-border'")]
    [InlineData("Border Guards", null)]
    public void A_second_key_for_a_registered_name_is_refused(string name, string? reason)
    {
        Write(Registry, actors: $"actors:\n  kgbs: {{ kind: agency, name: {name}, country: KG }}", recipient: "kgbs");

        var errors = Refusals();

        if (reason is null)
        {
            errors.Should().BeEmpty();
        }
        else
        {
            errors.Should().ContainSingle().Which.Reason.Should().Contain(reason).And.Contain("distinctFrom: [kg-border]");
        }
    }

    [Fact]
    public void A_registry_that_names_one_entity_twice_is_refused_unless_told_they_are_two()
    {
        const string twice = "actors:\n  kg-dca: { kind: agency, name: Kyrgyz Drug Control Agency, country: KG }\n  kg-drugs: { kind: agency, name: Kyrgyz Drugs Control Agency, country: KG }\n";
        Write(twice, actors: string.Empty, recipient: "kg-dca", donor: "kg-drugs");
        var refused = Refusals();
        Write(twice.Replace("country: KG }\n", "country: KG, distinctFrom: [kg-dca] }\n", StringComparison.Ordinal), actors: string.Empty, recipient: "kg-dca", donor: "kg-drugs");

        refused.Should().ContainSingle().Which.Reason.Should().Contain("close to the name of 'kg-dca'");
        Refusals().Should().BeEmpty();
    }

    [Fact]
    public async Task A_fault_of_the_registry_is_reported_once_however_many_files_meet_it()
    {
        var file = Write("actors:\n  osce: { kind: international_organisation, name: OSCE, wikidata: 81299 }\n", actors: string.Empty, recipient: "kg-border");
        File.WriteAllText(file.Replace("registry-osce-grant", "registry-osce-grant-2", StringComparison.Ordinal), File.ReadAllText(file).Replace("key: registry-osce-grant", "key: registry-osce-grant-2", StringComparison.Ordinal));

        var act = () => fixture.Ledger.IngestAsync([Path.Combine(corpus, "facts")]);

        var errors = (await act.Should().ThrowAsync<FactFileException>()).Which.Errors;
        errors.Where(e => e.File.EndsWith("actors.yaml", StringComparison.Ordinal)).Should().ContainSingle().Which.Reason.Should().Contain("is not a Wikidata item");
    }

    [Fact]
    public void A_registry_that_links_outside_the_corpus_is_refused_unread()
    {
        Write(Registry, actors: string.Empty, recipient: "kg-border");
        var outside = Path.Combine(Path.GetTempPath(), $"ledger-outside-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(outside, Registry);
        try
        {
            File.Delete(Path.Combine(corpus, "actors.yaml"));
            File.CreateSymbolicLink(Path.Combine(corpus, "actors.yaml"), outside);

            var errors = Refusals();

            errors.Should().ContainSingle().Which.Reason.Should().Contain("outside the corpus root").And.Contain("actors.yaml");
        }
        finally
        {
            File.Delete(outside);
        }
    }

    private string Write(string registry, string actors, string recipient, string donor = "osce")
    {
        Directory.CreateDirectory(Path.Combine(corpus, "facts"));
        Directory.CreateDirectory(Path.Combine(corpus, "articles"));
        File.Copy(Fixtures.Article("brief-2013-osce-aid.txt"), Path.Combine(corpus, "articles", "brief-2013-osce-aid.txt"), overwrite: true);
        File.WriteAllText(Path.Combine(corpus, "actors.yaml"), registry);
        var file = Path.Combine(corpus, "facts", "registry-osce-grant.yaml");
        File.WriteAllText(file, Facts.Replace("ACTORS", actors, StringComparison.Ordinal).Replace("RECIPIENT", recipient, StringComparison.Ordinal).Replace("donor: osce", $"donor: {donor}", StringComparison.Ordinal));
        return file;
    }

    private IReadOnlyList<FactFileError> Refusals()
    {
        try
        {
            CooperationLedger.Reading.FactFileReader.Read(Path.Combine(corpus, "facts", "registry-osce-grant.yaml"));
            return [];
        }
        catch (FactFileException refused)
        {
            return refused.Errors;
        }
    }
}
