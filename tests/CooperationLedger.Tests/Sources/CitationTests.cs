using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Tests.Sources;

public sealed class CitationTests
{
    private static readonly SourceDocument Document = new("edm-2006-v3-i223", "Eurasia Daily Monitor", ReportedDate.Parse("2006-11-28..2006-12-31").Inferred("volume 3 is 2006"), new string('a', 64), "3", "223");

    [Fact]
    public void A_claim_by_a_party_says_who_and_is_marked_as_a_claim()
    {
        var nogoybayev = new Actor("nogoybayev", ActorKind.Person, "Bolotbek Nogoybayev", "KG", "director of the Kyrgyz Drug Control Agency");
        var citation = new Citation(Document, "39.5% more", Stance.Party, nogoybayev, new Relay("Kabar", ReportedDate.OnDay(new LocalDate(2006, 11, 22))));

        citation.IsClaim.Should().BeTrue();
        citation.ToString().Should().Contain("Bolotbek Nogoybayev").And.Contain("Kabar, 2006-11-22").And.Contain("Eurasia Daily Monitor, vol. 3, no. 223");
    }

    [Fact]
    public void A_citation_without_its_parts_cannot_exist()
    {
        var partyWithoutName = () => new Citation(Document, "quote", Stance.Party);
        var blankQuote = () => new Citation(Document, "  ", Stance.Source);
        var hugeQuote = () => new Citation(Document, new string('x', Citation.MaxQuoteLength + 1), Stance.Source);
        var blankOutlet = () => new Relay(" ");

        partyWithoutName.Should().Throw<ArgumentException>().WithMessage("*says who*");
        blankQuote.Should().Throw<ArgumentException>();
        hugeQuote.Should().Throw<ArgumentException>().WithMessage("*at most*");
        blankOutlet.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_document_checks_its_key_fingerprint_and_address()
    {
        var badKey = () => new SourceDocument("EDM 223", "EDM", ReportedDate.InYear(2006), new string('a', 64));
        var badFingerprint = () => new SourceDocument("edm", "EDM", ReportedDate.InYear(2006), "abc");
        var badAddress = () => new SourceDocument("edm", "EDM", ReportedDate.InYear(2006), new string('a', 64), url: new Uri("ftp://example.org/x"));

        badKey.Should().Throw<ArgumentException>().WithMessage("*document key*");
        badFingerprint.Should().Throw<ArgumentException>().WithMessage("*64 lower-case hex*");
        badAddress.Should().Throw<ArgumentException>().WithMessage("*http*");
        Document.ToString().Should().Be("Eurasia Daily Monitor, vol. 3, no. 223 (2006-11-28..2006-12-31, inferred)");
    }
}
