using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace CooperationLedger.Facts;

/// <summary>Reads and writes the text form of <see cref="ReportedDate"/>.</summary>
internal static partial class ReportedDateText
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReportedDate? date, [NotNullWhen(false)] out string? error)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "A date is required.";
            return false;
        }

        var body = text.Trim();
        var approximate = body.EndsWith('~');
        if (approximate)
        {
            body = body[..^1];
        }

        var isPeriod = body.Contains('/', StringComparison.Ordinal);
        var isBetween = body.Contains("..", StringComparison.Ordinal);
        if (isPeriod && isBetween)
        {
            error = $"'{text}' mixes a period (/) and a range (..).";
            return false;
        }

        if (!isPeriod && !isBetween)
        {
            if (!TryParseUnit(body, out var unit, out error))
            {
                return false;
            }

            date = new ReportedDate(unit.Start, unit.End, unit.Precision, isApproximate: approximate);
            return true;
        }

        var parts = body.Split(isPeriod ? "/" : "..");
        if (parts.Length != 2)
        {
            error = $"'{text}' has more than two sides.";
            return false;
        }

        (LocalDate Start, LocalDate End, DatePrecision Precision)? left = null, right = null;
        if (parts[0].Length > 0)
        {
            if (!TryParseUnit(parts[0], out var parsed, out error))
            {
                return false;
            }

            left = parsed;
        }

        if (parts[1].Length > 0)
        {
            if (!TryParseUnit(parts[1], out var parsed, out error))
            {
                return false;
            }

            right = parsed;
        }

        if (left is null && right is null)
        {
            error = $"'{text}' has no bound on either side.";
            return false;
        }

        var earliest = left?.Start;
        var latest = right?.End;
        if (earliest > latest)
        {
            error = $"'{text}' ends before it starts.";
            return false;
        }

        var precision = isPeriod && left is { } l && right is { } r && l.Precision == r.Precision ? l.Precision : DatePrecision.Bounded;
        date = new ReportedDate(earliest, latest, precision, isPeriod, approximate);
        error = null;
        return true;
    }

    public static string Format(ReportedDate date)
    {
        var text = date switch
        {
            { IsPeriod: true } => $"{FormatSide(date.Earliest, date.Precision, start: true)}/{FormatSide(date.Latest, date.Precision, start: false)}",
            { Precision: DatePrecision.Bounded } => $"{FormatDay(date.Earliest)}..{FormatDay(date.Latest)}",
            _ => FormatUnit(date.Earliest!.Value, date.Precision),
        };
        return date.IsApproximate ? text + "~" : text;
    }

    private static string FormatSide(LocalDate? day, DatePrecision precision, bool start) =>
        day is not { } value ? string.Empty
        : precision == DatePrecision.Bounded ? FormatDay(value)
        : FormatUnit(start ? value : StartOfUnit(value, precision), precision);

    private static LocalDate StartOfUnit(LocalDate day, DatePrecision precision) => precision switch
    {
        DatePrecision.Month => new LocalDate(day.Year, day.Month, 1),
        DatePrecision.Quarter => new LocalDate(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        DatePrecision.Year => new LocalDate(day.Year, 1, 1),
        DatePrecision.Season => new LocalDate(day.Year, day.Month / 3 * 3 == 0 ? 12 : day.Month / 3 * 3, 1).PlusYears(day.Month < 3 ? -1 : 0),
        _ => day,
    };

    private static string FormatUnit(LocalDate start, DatePrecision precision) => precision switch
    {
        DatePrecision.Day => FormatDay(start),
        DatePrecision.Month => start.ToString("uuuu'-'MM", CultureInfo.InvariantCulture),
        DatePrecision.Quarter => $"{start.Year:D4}-Q{((start.Month - 1) / 3) + 1}",
        DatePrecision.Year => start.Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Season => $"{start.Year:D4}-{Seasons[(start.Month / 3) - 1]}",
        _ => FormatDay(start),
    };

    private static string FormatDay(LocalDate? day) => day?.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static bool TryParseUnit(string text, out (LocalDate Start, LocalDate End, DatePrecision Precision) unit, [NotNullWhen(false)] out string? error)
    {
        unit = default;
        var match = UnitPattern().Match(text);
        if (!match.Success)
        {
            error = $"'{text}' is not a date. The forms are a day (2006-11-22), a month (2006-11), a quarter (2006-Q4), a season (2006-spring: March to May; summer, autumn, winter: December to February) or a year (2006); "
                + "one unknown day between two of them (2006-11-20..2006-11-22; ..2006-11-22 on or before, 2006-07-27.. on or after); "
                + "a period from the start of one to the end of another (2006-01/2006-09; /2006-11-21 since an unknown start); "
                + "and a trailing ~ for an approximate date (2006~).";
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 1)
        {
            error = $"'{text}' has year 0.";
            return false;
        }

        if (match.Groups["quarter"].Success)
        {
            var quarter = int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture);
            if (quarter is < 1 or > 4)
            {
                error = $"'{text}' names quarter {quarter}; quarters are 1 to 4.";
                return false;
            }

            var start = new LocalDate(year, ((quarter - 1) * 3) + 1, 1);
            unit = (start, start.PlusMonths(3).PlusDays(-1), DatePrecision.Quarter);
            error = null;
            return true;
        }

        if (match.Groups["season"].Success)
        {
            var season = match.Groups["season"].Value == "fall" ? 2 : Array.IndexOf(Seasons, match.Groups["season"].Value);
            var first = new LocalDate(year, (season + 1) * 3, 1);
            unit = (first, first.PlusMonths(3).PlusDays(-1), DatePrecision.Season);
            error = null;
            return true;
        }

        if (!match.Groups["month"].Success)
        {
            unit = (new LocalDate(year, 1, 1), new LocalDate(year, 12, 31), DatePrecision.Year);
            error = null;
            return true;
        }

        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            error = $"'{text}' names month {month}; months are 1 to 12.";
            return false;
        }

        if (!match.Groups["day"].Success)
        {
            var first = new LocalDate(year, month, 1);
            unit = (first, first.PlusMonths(1).PlusDays(-1), DatePrecision.Month);
            error = null;
            return true;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            error = $"'{text}' is not a day of the calendar.";
            return false;
        }

        unit = (parsed.Value, parsed.Value, DatePrecision.Day);
        error = null;
        return true;
    }

    /// <summary>The seasons in the order of their first month: March, June, September, December.</summary>
    private static readonly string[] Seasons = ["spring", "summer", "autumn", "winter"];

    [GeneratedRegex(@"^(?<year>\d{4})(-(Q(?<quarter>\d)|(?<season>spring|summer|autumn|fall|winter)|(?<month>\d{2})(-(?<day>\d{2}))?))?$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitPattern();
}
