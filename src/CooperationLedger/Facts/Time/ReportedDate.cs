using System.Text.Json.Serialization;
using NodaTime;

namespace CooperationLedger.Facts;

/// <summary>
/// A calendar date as a source gives it: the earliest and latest day it can be, how precisely it is stated, whether it is
/// a moment (some day in that span) or a period (the whole span, such as "the first nine months of 2006"), and how it was
/// obtained (inferred from the publication, resolved from a phrase such as "this year").
/// </summary>
/// <remarks>
/// <para>The text form, read by <see cref="Parse"/> and written by <see cref="ToString"/>, is close to EDTF:
/// <c>2006-11-22</c>, <c>2006-11</c>, <c>2006-Q4</c>, <c>2006</c> (a moment known to that precision);
/// <c>2006-11-28..2006-12-31</c> (some day between two days, either side may be left empty for an open bound);
/// <c>2006-01/2006-09</c> (a period from the start of one to the end of the other, either side may be empty);
/// a trailing <c>~</c> marks the date approximate.</para>
/// <para>This type is an immutable value type and thread-safe.</para>
/// </remarks>
public sealed record ReportedDate
{
    /// <summary>Initializes a date from all of its parts. Prefer the factory methods and <see cref="Parse"/>.</summary>
    /// <param name="earliest">The earliest day the date can be, or <see langword="null"/> when unbounded.</param>
    /// <param name="latest">The latest day the date can be, or <see langword="null"/> when unbounded.</param>
    /// <param name="precision">How precisely the source states the date.</param>
    /// <param name="isPeriod"><see langword="true"/> when the date is a period that spans from earliest to latest.</param>
    /// <param name="isApproximate"><see langword="true"/> when the source hedges ("around", "about").</param>
    /// <param name="isInferred"><see langword="true"/> when the date (or its year) is inferred rather than printed.</param>
    /// <param name="inference">Why and from what it was inferred; required when <paramref name="isInferred"/>.</param>
    /// <param name="phrase">The verbatim relative phrase ("this year", "later this year") it was resolved from.</param>
    /// <param name="anchor">The day the phrase was resolved against; required with <paramref name="phrase"/>.</param>
    /// <exception cref="ArgumentException">Both bounds are missing, the earliest is after the latest, the precision
    /// does not match the bounds, or an inference or phrase is incomplete.</exception>
    [JsonConstructor]
    public ReportedDate(
        LocalDate? earliest,
        LocalDate? latest,
        DatePrecision precision,
        bool isPeriod = false,
        bool isApproximate = false,
        bool isInferred = false,
        string? inference = null,
        string? phrase = null,
        LocalDate? anchor = null)
    {
        if (earliest is null && latest is null)
        {
            throw new ArgumentException("A date needs at least one bound.", nameof(earliest));
        }

        if (earliest is { } start && latest is { } end && start > end)
        {
            throw new ArgumentException($"The earliest day {start:uuuu-MM-dd} is after the latest day {end:uuuu-MM-dd}.", nameof(latest));
        }

        if (precision != DatePrecision.Bounded && (earliest is null || latest is null || !IsWholeUnit(earliest.Value, latest.Value, precision, isPeriod)))
        {
            throw new ArgumentException($"The bounds {earliest}..{latest} are not one whole {precision.ToString().ToLowerInvariant()}.", nameof(precision));
        }

        if (isInferred && string.IsNullOrWhiteSpace(inference))
        {
            throw new ArgumentException("An inferred date must say what it was inferred from.", nameof(inference));
        }

        if ((phrase is null) != (anchor is null))
        {
            throw new ArgumentException("A relative phrase and the day it was resolved against go together.", nameof(anchor));
        }

        Earliest = earliest;
        Latest = latest;
        Precision = precision;
        IsPeriod = isPeriod;
        IsApproximate = isApproximate;
        IsInferred = isInferred;
        Inference = Preconditions.CheckOptionalText(inference, nameof(inference));
        Phrase = Preconditions.CheckOptionalText(phrase, nameof(phrase), 200);
        Anchor = anchor;
    }

    /// <summary>Gets the earliest day the date can be, or <see langword="null"/> when it has no known start.</summary>
    public LocalDate? Earliest { get; }

    /// <summary>Gets the latest day the date can be, or <see langword="null"/> when it has no known end.</summary>
    public LocalDate? Latest { get; }

    /// <summary>Gets how precisely the source states the date.</summary>
    public DatePrecision Precision { get; }

    /// <summary>Gets a value indicating whether the date is a period spanning its bounds rather than a moment within them.</summary>
    public bool IsPeriod { get; }

    /// <summary>Gets a value indicating whether the source hedges the date.</summary>
    public bool IsApproximate { get; }

    /// <summary>Gets a value indicating whether the date, or its year, is inferred rather than printed in the source.</summary>
    public bool IsInferred { get; }

    /// <summary>Gets what the date was inferred from, when <see cref="IsInferred"/>.</summary>
    public string? Inference { get; }

    /// <summary>Gets the verbatim relative phrase the date was resolved from ("this year"), if any.</summary>
    public string? Phrase { get; }

    /// <summary>Gets the day the <see cref="Phrase"/> was resolved against (usually the publication date).</summary>
    public LocalDate? Anchor { get; }

    /// <summary>Creates a moment known to the day.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The date.</returns>
    public static ReportedDate OnDay(LocalDate day) => new(day, day, DatePrecision.Day);

    /// <summary>Creates a moment known to the month.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <returns>The date.</returns>
    public static ReportedDate InMonth(int year, int month)
    {
        var yearMonth = new YearMonth(year, month);
        return new(yearMonth.OnDayOfMonth(1), yearMonth.OnDayOfMonth(yearMonth.Calendar.GetDaysInMonth(year, month)), DatePrecision.Month);
    }

    /// <summary>Creates a moment known to the year.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The date.</returns>
    public static ReportedDate InYear(int year) => new(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31), DatePrecision.Year);

    /// <summary>Creates a moment known only to lie between two days (either may be open).</summary>
    /// <param name="earliest">The earliest possible day, or <see langword="null"/>.</param>
    /// <param name="latest">The latest possible day, or <see langword="null"/>.</param>
    /// <returns>The date.</returns>
    public static ReportedDate Between(LocalDate? earliest, LocalDate? latest) => new(earliest, latest, DatePrecision.Bounded);

    /// <summary>Creates a period that spans whole months, such as January to September 2006.</summary>
    /// <param name="first">The first month of the period.</param>
    /// <param name="last">The last month of the period.</param>
    /// <returns>The date.</returns>
    public static ReportedDate MonthsFrom(YearMonth first, YearMonth last) =>
        new(first.OnDayOfMonth(1), last.OnDayOfMonth(last.Calendar.GetDaysInMonth(last.Year, last.Month)), DatePrecision.Month, isPeriod: true);

    /// <summary>Returns a copy marked as inferred, with what it was inferred from.</summary>
    /// <param name="inference">What the date was inferred from.</param>
    /// <returns>The inferred date.</returns>
    public ReportedDate Inferred(string inference) =>
        new(Earliest, Latest, Precision, IsPeriod, IsApproximate, isInferred: true, inference, Phrase, Anchor);

    /// <summary>Returns a copy that records the relative phrase it was resolved from, and the day it was resolved against.</summary>
    /// <param name="phrase">The verbatim phrase ("this year").</param>
    /// <param name="anchor">The day the phrase was resolved against.</param>
    /// <returns>The resolved date.</returns>
    public ReportedDate ResolvedFrom(string phrase, LocalDate anchor) =>
        new(Earliest, Latest, Precision, IsPeriod, IsApproximate, IsInferred, Inference, phrase, anchor);

    /// <summary>
    /// Tells whether this date is on or before <paramref name="asOf"/> under <paramref name="rule"/>: by its latest
    /// possible day (<see cref="DateRule.Certainly"/>) or by its earliest (<see cref="DateRule.Possibly"/>).
    /// </summary>
    /// <param name="asOf">The day to compare with.</param>
    /// <param name="rule">How to treat imprecision.</param>
    /// <returns><see langword="true"/> when the date counts as on or before that day.</returns>
    public bool IsOnOrBefore(LocalDate asOf, DateRule rule) => rule switch
    {
        DateRule.Certainly => Latest is { } latest && latest <= asOf,
        DateRule.Possibly => Earliest is not { } earliest || earliest <= asOf,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown date rule."),
    };

    /// <summary>Reads the text form described in the remarks of <see cref="ReportedDate"/>.</summary>
    /// <param name="text">The text, such as <c>2006-01/2006-09</c>.</param>
    /// <returns>The date.</returns>
    /// <exception cref="FormatException">The text is not a valid date, or names a day that does not exist.</exception>
    public static ReportedDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    /// <summary>Reads the text form described in the remarks of <see cref="ReportedDate"/> without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="date">The date read, when the text is valid.</param>
    /// <param name="error">Why the text is not valid, when it is not.</param>
    /// <returns><see langword="true"/> when the text was read.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReportedDate? date, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error) =>
        ReportedDateText.TryParse(text, out date, out error);

    /// <inheritdoc/>
    public override string ToString() => ReportedDateText.Format(this);

    private static bool IsWholeUnit(LocalDate earliest, LocalDate latest, DatePrecision precision, bool isPeriod)
    {
        if (isPeriod)
        {
            // A period spans from the start of one unit to the end of another.
            return precision switch
            {
                DatePrecision.Day => true,
                DatePrecision.Month => earliest.Day == 1 && latest.PlusDays(1).Day == 1,
                DatePrecision.Quarter => earliest.Day == 1 && (earliest.Month - 1) % 3 == 0 && latest.PlusDays(1).Day == 1 && latest.Month % 3 == 0,
                DatePrecision.Year => earliest is { Month: 1, Day: 1 } && latest is { Month: 12, Day: 31 },
                DatePrecision.Season => earliest.Day == 1 && earliest.Month % 3 == 0 && latest.PlusDays(1).Day == 1 && latest.Month % 3 == 2,
                _ => false,
            };
        }

        return precision switch
        {
            DatePrecision.Day => earliest == latest,
            DatePrecision.Month => earliest.Day == 1 && earliest.Year == latest.Year && earliest.Month == latest.Month && latest.PlusDays(1).Day == 1,
            DatePrecision.Quarter => earliest.Day == 1 && (earliest.Month - 1) % 3 == 0 && latest == earliest.PlusMonths(3).PlusDays(-1),
            DatePrecision.Year => earliest is { Month: 1, Day: 1 } && latest == new LocalDate(earliest.Year, 12, 31),
            DatePrecision.Season => earliest.Day == 1 && earliest.Month % 3 == 0 && latest == earliest.PlusMonths(3).PlusDays(-1),
            _ => false,
        };
    }
}
