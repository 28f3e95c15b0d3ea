using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Actors;

/// <summary>
/// Given every actor the seed facts declare, a text names actors one way: by key, name or alias, and a country (named
/// so, or by its ISO code) with its agencies and people.
/// </summary>
public sealed class ActorDirectoryTests
{
    private static readonly ActorDirectory Seeded = SeedDirectory();

    [Theory]
    [InlineData("Kyrgyzstan")]
    [InlineData("kyrgyzstan")]
    [InlineData("kg")]
    [InlineData("KG")]
    [InlineData(" kg ")]
    [InlineData("\tKyrgyzstan\n")]
    public void Kyrgyzstan_by_name_key_or_code_includes_its_agencies_and_people_and_nothing_of_china(string text)
    {
        var kyrgyzstan = Seeded.Select(text)!;

        Registered("kg", "kg-gknb", "kg-dca", "dushebayev", "nogoybayev").Should().OnlyContain(actor => kyrgyzstan.Includes(actor));
        Registered("cn", "cn-mps", "iom", "bokov").Should().NotContain(actor => kyrgyzstan.Includes(actor));
        kyrgyzstan.Terms.Should().Equal("KG");
        kyrgyzstan.Keys.Should().Equal("kg");
    }

    [Fact]
    public void An_alias_names_every_actor_that_goes_by_it_and_only_them()
    {
        var dca = Seeded.Select("DCA")!;
        var gknb = Seeded.Select("gknb")!;

        Registered("kg-dca", "tj-dca").Should().OnlyContain(actor => dca.Includes(actor), "the Kyrgyz and the Tajik drug control agencies both go by DCA");
        Registered("nogoybayev", "kg").Should().NotContain(actor => dca.Includes(actor), "an agency does not include its people: a country does");
        dca.Terms.Should().Equal("KG-DCA", "TJ-DCA");
        Registered("kg-gknb").Should().OnlyContain(actor => gknb.Includes(actor));
        Seeded.Select("no such actor")!.Terms.Should().BeEmpty();
    }

    [Fact]
    public void A_member_of_no_country_of_its_own_belongs_to_the_country_of_its_body_through_any_chain()
    {
        var directory = SeedDirectory();
        directory.Declare(new ActorRegistration("adviser", ActorKind.Person, "An Adviser", null, [], "test", MemberOf: "kg-gknb"));
        directory.Declare(new ActorRegistration("kg-fund", ActorKind.Organisation, "A Kyrgyz Fund", null, [], "test", MemberOf: "kg-government"));
        directory.Declare(new ActorRegistration("fund-clerk", ActorKind.Person, "A Clerk", null, [], "test", MemberOf: "kg-fund"));

        var kyrgyzstan = directory.Select("Kyrgyzstan")!;

        kyrgyzstan.Keys.Should().BeEquivalentTo(["kg", "adviser", "kg-fund", "fund-clerk"], "a member of no country is found by its key");
        directory.Select("RU")!.Keys.Should().NotContain("bokov", "the CIS bureau he heads belongs to no country");
    }

    [Fact]
    public void A_later_declaration_adds_its_names_and_body_but_never_changes_kind_or_country()
    {
        var directory = ActorDirectory.Empty;
        directory.Declare(new ActorRegistration("kg-nss", ActorKind.Agency, "Kyrgyz National Security Service", "KG", [], "edm-2006-v3-i148"));
        directory.Declare(new ActorRegistration("kg-nss", ActorKind.Agency, "KYRGYZ NATIONAL SECURITY SERVICE", "KG", ["National Security Service"], "edm-2006-v3-i223"));

        var registration = directory.Registrations.Should().ContainSingle().Subject;
        registration.Aliases.Should().Equal(["National Security Service"], "a name that differs only in case is the same name");
        registration.DeclaredIn.Should().Be("edm-2006-v3-i148");
        registration.Terms.Should().Equal("KG-NSS", "KYRGYZ NATIONAL SECURITY SERVICE", "NATIONAL SECURITY SERVICE");
        directory.Select("national security service")!.Keys.Should().Equal("kg-nss");
    }

    private static IEnumerable<Actor> Registered(params string[] keys) =>
        keys.Select(key => SeedActors().First(actor => actor.Id == key));

    private static IEnumerable<Actor> SeedActors() =>
        Seeds.FactFiles.SelectMany(file => FactFileReader.Read(file).Events).OfType<IReportedFact>().SelectMany(FactActors.Of);

    private static ActorDirectory SeedDirectory()
    {
        var directory = ActorDirectory.Empty;
        foreach (var e in Seeds.FactFiles.SelectMany(file => FactFileReader.Read(file).Events))
        {
            directory.Declare(e);
        }

        return directory;
    }
}
