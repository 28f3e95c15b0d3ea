using CooperationLedger.Facts;

namespace CooperationLedger.Tests.Actors;

public sealed class ActorTests
{
    [Fact]
    public void An_agency_goes_by_its_key_name_aliases_and_country()
    {
        var gknb = new Actor("kg-gknb", ActorKind.Agency, "Kyrgyz State Committee for National Security", "KG", aliases: ["GKNB", "SCNS"]);

        gknb.IsNamed("SCNS").Should().BeTrue();
        gknb.IsNamed("kg-gknb").Should().BeTrue();
        gknb.IsNamed("NSS").Should().BeFalse();
    }

    [Fact]
    public void Malformed_actors_are_refused()
    {
        var badKey = () => new Actor("KG GKNB", ActorKind.Agency, "x", "KG");
        var agencyWithoutCountry = () => new Actor("kg-gknb", ActorKind.Agency, "x");
        var badCountry = () => new Actor("kg", ActorKind.Country, "Kyrgyzstan", "KGZ");
        var roleForCountry = () => new Actor("kg", ActorKind.Country, "Kyrgyzstan", "KG", role: "president");
        var controlCharacter = () => new Actor("kg", ActorKind.Country, "Kyrgyz\u0007stan", "KG");

        badKey.Should().Throw<ArgumentException>().WithMessage("*actor key*");
        agencyWithoutCountry.Should().Throw<ArgumentException>().WithMessage("*country code*");
        badCountry.Should().Throw<ArgumentException>().WithMessage("*ISO 3166*");
        roleForCountry.Should().Throw<ArgumentException>().WithMessage("*Only a person*");
        controlCharacter.Should().Throw<ArgumentException>().WithMessage("*control character*");
    }
}
