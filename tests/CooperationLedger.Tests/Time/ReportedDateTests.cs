using CooperationLedger.Facts;
using NodaTime;
using NodaTime.Text;

namespace CooperationLedger.Tests.Time;

public sealed class ReportedDateTests
{
    [Theory]
    [InlineData("2006-11-22", "2006-11-22", "2006-11-22", DatePrecision.Day, false)]
    [InlineData("2006-11", "2006-11-01", "2006-11-30", DatePrecision.Month, false)]
    [InlineData("2008-02", "2008-02-01", "2008-02-29", DatePrecision.Month, false)]
    [InlineData("2006-Q4", "2006-10-01", "2006-12-31", DatePrecision.Quarter, false)]
    [InlineData("2006", "2006-01-01", "2006-12-31", DatePrecision.Year, false)]
    [InlineData("2006-01/2006-09", "2006-01-01", "2006-09-30", DatePrecision.Month, true)]
    [InlineData("2006-11-28..2006-12-31", "2006-11-28", "2006-12-31", DatePrecision.Bounded, false)]
    public void Text_forms_read_to_their_bounds_and_precision_and_write_back_the_same(string text, string earliest, string latest, DatePrecision precision, bool isPeriod)
    {
        var date = ReportedDate.Parse(text);

        date.Earliest.Should().Be(LocalDatePattern.Iso.Parse(earliest).Value);
        date.Latest.Should().Be(LocalDatePattern.Iso.Parse(latest).Value);
        date.Precision.Should().Be(precision);
        date.IsPeriod.Should().Be(isPeriod);
        date.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("..2006-11-22", null, "2006-11-22")]
    [InlineData("2006-07-27..", "2006-07-27", null)]
    [InlineData("/2006-11-21", null, "2006-11-21")]
    public void Open_bounds_are_kept_open(string text, string? earliest, string? latest)
    {
        var date = ReportedDate.Parse(text);

        date.Earliest.Should().Be(earliest is null ? null : LocalDatePattern.Iso.Parse(earliest).Value);
        date.Latest.Should().Be(latest is null ? null : LocalDatePattern.Iso.Parse(latest).Value);
        date.Precision.Should().Be(DatePrecision.Bounded);
        ReportedDate.Parse(date.ToString()).Should().Be(date);
    }

    [Theory]
    [InlineData("2006-02-30", "not a day of the calendar")]
    [InlineData("2006-13", "months are 1 to 12")]
    [InlineData("2006-Q5", "quarters are 1 to 4")]
    [InlineData("2006-09/2006-01", "ends before it starts")]
    [InlineData("2006-12-31..2006-01-01", "ends before it starts")]
    [InlineData("..", "no bound on either side")]
    [InlineData("November 2006", "is not a date")]
    [InlineData("", "required")]
    public void Impossible_dates_and_periods_are_refused_with_the_reason(string text, string reason)
    {
        ReportedDate.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(reason);
    }

    [Fact]
    public void An_approximate_date_keeps_its_mark()
    {
        var date = ReportedDate.Parse("2006~");
        date.IsApproximate.Should().BeTrue();
        date.ToString().Should().Be("2006~");
    }

    [Fact]
    public void The_certainly_rule_counts_a_year_from_its_last_day_and_the_possibly_rule_from_its_first()
    {
        var year = ReportedDate.InYear(2006);

        year.IsOnOrBefore(new LocalDate(2006, 6, 30), DateRule.Certainly).Should().BeFalse();
        year.IsOnOrBefore(new LocalDate(2006, 12, 30), DateRule.Certainly).Should().BeFalse();
        year.IsOnOrBefore(new LocalDate(2006, 12, 31), DateRule.Certainly).Should().BeTrue();
        year.IsOnOrBefore(new LocalDate(2005, 12, 31), DateRule.Possibly).Should().BeFalse();
        year.IsOnOrBefore(new LocalDate(2006, 1, 1), DateRule.Possibly).Should().BeTrue();
        year.IsOnOrBefore(new LocalDate(2006, 6, 30), DateRule.Possibly).Should().BeTrue();
    }

    [Fact]
    public void Open_dates_follow_the_rules_at_their_open_side()
    {
        var pledgeWithNoEnd = ReportedDate.Parse("2006-07-27..");
        var sinceUnknown = ReportedDate.Parse("/2006-11-21");

        pledgeWithNoEnd.IsOnOrBefore(new LocalDate(2100, 1, 1), DateRule.Certainly).Should().BeFalse("it is never certainly past");
        pledgeWithNoEnd.IsOnOrBefore(new LocalDate(2006, 7, 27), DateRule.Possibly).Should().BeTrue();
        sinceUnknown.IsOnOrBefore(new LocalDate(1990, 1, 1), DateRule.Possibly).Should().BeTrue("its start is unknown");
        sinceUnknown.IsOnOrBefore(new LocalDate(2006, 11, 20), DateRule.Certainly).Should().BeFalse();
        sinceUnknown.IsOnOrBefore(new LocalDate(2006, 11, 21), DateRule.Certainly).Should().BeTrue();
    }

    [Fact]
    public void Inferred_dates_and_relative_phrases_keep_what_they_came_from()
    {
        var date = ReportedDate.InYear(2011).ResolvedFrom("this year", new LocalDate(2011, 10, 31)).Inferred("the article's year");

        date.Phrase.Should().Be("this year");
        date.Anchor.Should().Be(new LocalDate(2011, 10, 31));
        date.IsInferred.Should().BeTrue();
        date.Inference.Should().Be("the article's year");
    }

    [Fact]
    public void Inconsistent_parts_cannot_make_a_date()
    {
        var noBounds = () => new ReportedDate(null, null, DatePrecision.Bounded);
        var reversed = () => new ReportedDate(new LocalDate(2006, 2, 1), new LocalDate(2006, 1, 1), DatePrecision.Bounded);
        var notAMonth = () => new ReportedDate(new LocalDate(2006, 1, 2), new LocalDate(2006, 1, 31), DatePrecision.Month);
        var unexplained = () => new ReportedDate(new LocalDate(2006, 1, 1), new LocalDate(2006, 12, 31), DatePrecision.Year, isInferred: true);
        var phraseWithoutAnchor = () => new ReportedDate(new LocalDate(2006, 1, 1), new LocalDate(2006, 12, 31), DatePrecision.Year, phrase: "this year");

        noBounds.Should().Throw<ArgumentException>().WithMessage("*at least one bound*");
        reversed.Should().Throw<ArgumentException>().WithMessage("*after the latest*");
        notAMonth.Should().Throw<ArgumentException>().WithMessage("*not one whole month*");
        unexplained.Should().Throw<ArgumentException>().WithMessage("*inferred from*");
        phraseWithoutAnchor.Should().Throw<ArgumentException>().WithMessage("*resolved against*");
    }
}
