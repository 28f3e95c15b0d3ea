using CooperationLedger.Facts;

namespace CooperationLedger.Tests.Claims;

public sealed class ClaimValueTests
{
    [Fact]
    public void A_statistic_is_kept_exactly_as_claimed_and_a_change_may_be_negative()
    {
        new StatisticMeasure(StatisticKind.PercentChange, 39.5m, "percent", "39.5% more").ToString().Should().Be("+39.5%");
        new StatisticMeasure(StatisticKind.PercentChange, -12m, "percent", "12% less").ToString().Should().Be("-12%");
        new StatisticMeasure(StatisticKind.Level, 2m, "tonnes", "2 tonnes").WithValue(3m).Value.Should().Be(3m);
    }

    [Fact]
    public void A_negative_level_an_absurd_value_or_blank_words_are_refused()
    {
        var negativeLevel = () => new StatisticMeasure(StatisticKind.Level, -1m, "kg", "-1 kg");
        var absurd = () => new StatisticMeasure(StatisticKind.AbsoluteChange, 1e15m, "kg", "a lot");
        var blank = () => new StatisticMeasure(StatisticKind.Level, 1m, " ", "1");

        negativeLevel.Should().Throw<ArgumentOutOfRangeException>();
        absurd.Should().Throw<ArgumentOutOfRangeException>();
        blank.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_count_is_exact_or_a_range_and_never_negative_or_empty()
    {
        Quantity.Exactly(7).ToString().Should().Be("7");
        new Quantity(10, 20).ToString().Should().Be("10-20");

        var negative = () => new Quantity(-1);
        var emptyRange = () => new Quantity(5, 5);
        var absurd = () => new Quantity(200_000_000);
        negative.Should().Throw<ArgumentOutOfRangeException>();
        emptyRange.Should().Throw<ArgumentOutOfRangeException>();
        absurd.Should().Throw<ArgumentOutOfRangeException>();
    }
}
