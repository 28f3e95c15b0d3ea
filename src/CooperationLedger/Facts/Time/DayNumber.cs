using NodaTime;

namespace CooperationLedger.Facts;

/// <summary>
/// Days as sortable integers (<c>yyyymmdd</c>) for indexed columns, with open bounds at the integer limits, so that an
/// as-of filter is one integer comparison in SQL.
/// </summary>
internal static class DayNumber
{
    public const int OpenStart = int.MinValue;

    public const int OpenEnd = int.MaxValue;

    public static int Of(LocalDate day) => (day.Year * 10_000) + (day.Month * 100) + day.Day;

    public static int From(ReportedDate date) => date.Earliest is { } day ? Of(day) : OpenStart;

    public static int To(ReportedDate date) => date.Latest is { } day ? Of(day) : OpenEnd;
}
