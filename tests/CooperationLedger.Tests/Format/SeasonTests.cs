using System.Text.Json;
using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Tests.Format;

/// <summary>"In the spring of 2006" is a season, not a guessed month nor the whole year.</summary>
public sealed class SeasonTests
{
    [Theory]
    [InlineData("2006-spring", "2006-03-01", "2006-05-31")]
    [InlineData("2006-summer", "2006-06-01", "2006-08-31")]
    [InlineData("2006-autumn", "2006-09-01", "2006-11-30")]
    [InlineData("2006-winter", "2006-12-01", "2007-02-28")]
    [InlineData("2007-winter", "2007-12-01", "2008-02-29")]
    public void A_season_spans_its_three_months_and_reads_back_as_written(string text, string earliest, string latest)
    {
        var date = ReportedDate.Parse(text);

        (date.Precision, date.Earliest, date.Latest).Should().Be((DatePrecision.Season, (LocalDate?)Day(earliest), (LocalDate?)Day(latest)));
        date.ToString().Should().Be(text);
        JsonSerializer.Deserialize<ReportedDate>(JsonSerializer.Serialize(date, LedgerJson.Options), LedgerJson.Options).Should().Be(date);
    }

    [Fact]
    public void Fall_is_autumn_and_seasons_make_periods()
    {
        ReportedDate.Parse("2006-fall").Should().Be(ReportedDate.Parse("2006-autumn"));
        var period = ReportedDate.Parse("2006-spring/2006-summer");
        (period.Earliest, period.Latest, period.IsPeriod).Should().Be(((LocalDate?)Day("2006-03-01"), (LocalDate?)Day("2006-08-31"), true));
    }

    private static LocalDate Day(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
