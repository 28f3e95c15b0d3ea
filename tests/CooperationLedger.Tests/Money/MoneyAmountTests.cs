using CooperationLedger.Facts;

namespace CooperationLedger.Tests.Money;

public sealed class MoneyAmountTests
{
    private static readonly Currency Som = new("KGS");
    private static readonly Currency Dollar = new("USD");

    [Theory]
    [InlineData("KGS")]
    [InlineData("USD")]
    [InlineData("RUR")]
    public void Iso_4217_codes_are_accepted_including_withdrawn_ones_of_the_period(string code) =>
        new Currency(code).Code.Should().Be(code);

    [Theory]
    [InlineData("XYZ")]
    [InlineData("kgs")]
    [InlineData("SOM")]
    [InlineData("")]
    public void Other_currency_codes_are_refused(string code)
    {
        var act = () => new Currency(code);
        act.Should().Throw<ArgumentException>().WithMessage("*ISO 4217*");
    }

    [Fact]
    public void A_misspelt_currency_code_offers_the_nearest()
    {
        var act = () => new Currency("KSG");
        act.Should().Throw<ArgumentException>().WithMessage("*Did you mean 'KGS'*");
    }

    [Fact]
    public void A_default_currency_has_no_code_and_prints_as_nothing_rather_than_throwing()
    {
        var none = default(Currency);

        none.ToString().Should().BeEmpty("like a Nullable<T> without a value, it prints as the empty string");
        $"{12m} {none}".Should().Be("12 ");
        var code = () => none.Code;
        code.Should().Throw<InvalidOperationException>("a default currency has no code to give");
    }

    [Fact]
    public void A_stated_equivalent_is_kept_as_printed_beside_the_amount()
    {
        var amount = new MoneyAmount(21_000_000m, Som, verbatim: "21m KGS", statedEquivalents: [new MoneyAmount(450_000m, Dollar, verbatim: "US $450,000")]);

        amount.StatedEquivalents.Single().Amount.Should().Be(450_000m);
        amount.Should().Be(new MoneyAmount(21_000_000m, Som, verbatim: "21m KGS", statedEquivalents: [new MoneyAmount(450_000m, Dollar, verbatim: "US $450,000")]));
        amount.Should().NotBe(new MoneyAmount(21_000_000m, Som, verbatim: "21m KGS"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(2_000_000_000_000_000)]
    public void A_negative_zero_or_absurd_amount_is_refused(decimal value)
    {
        var act = () => new MoneyAmount(value, Som);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Approximations_keep_their_bounds_only_where_the_source_gives_them()
    {
        new MoneyAmount(300_000_000m, Som, Approximation.About).ToString().Should().Be("about 300,000,000 KGS");
        new MoneyAmount(10m, Som, Approximation.Range, upperBound: 20m).UpperBound.Should().Be(20m);

        var rangeWithoutBound = () => new MoneyAmount(10m, Som, Approximation.Range);
        var boundWithoutRange = () => new MoneyAmount(10m, Som, Approximation.About, upperBound: 20m);
        var emptyRange = () => new MoneyAmount(10m, Som, Approximation.Range, upperBound: 10m);
        rangeWithoutBound.Should().Throw<ArgumentException>();
        boundWithoutRange.Should().Throw<ArgumentException>();
        emptyRange.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void An_equivalent_in_the_same_currency_or_with_its_own_equivalents_is_refused()
    {
        var same = () => new MoneyAmount(1m, Som, statedEquivalents: [new MoneyAmount(1m, Som)]);
        var nested = () => new MoneyAmount(1m, Som, statedEquivalents: [new MoneyAmount(1m, Dollar, statedEquivalents: [new MoneyAmount(1m, new Currency("EUR"))])]);
        same.Should().Throw<ArgumentException>();
        nested.Should().Throw<ArgumentException>();
    }
}
