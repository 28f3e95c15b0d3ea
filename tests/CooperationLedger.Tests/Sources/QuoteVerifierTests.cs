using CooperationLedger.Facts;

namespace CooperationLedger.Tests.Sources;

public sealed class QuoteVerifierTests
{
    private const string Article = "Publication: Test\n\nFirst paragraph.\n\nHe said: “the agency’s results —   good”\nand went on.\n";

    [Fact]
    public void A_quote_is_found_ignoring_whitespace_and_typographic_quotes_and_dashes()
    {
        var location = QuoteVerifier.Locate(Article, "\"the agency's results - good\" and went");

        location.Should().NotBeNull();
        location!.Paragraph.Should().Be(3);
        Article.Substring(location.Offset, location.Length).Should().StartWith("“the agency’s").And.EndWith("went");
    }

    [Theory]
    [InlineData("the agency's results were bad")]
    [InlineData("   ")]
    public void A_quote_that_is_not_in_the_text_is_not_found(string quote) =>
        QuoteVerifier.Locate(Article, quote).Should().BeNull();
}
