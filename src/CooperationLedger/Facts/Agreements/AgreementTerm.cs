using System.Text.Json.Serialization;
using NodaTime;

namespace CooperationLedger.Facts;

/// <summary>
/// How long an agreement or programme runs, as its source says: until a date ("valid until the end of 2004"), or for a
/// number of years or months from when it takes effect ("a three-year programme").
/// </summary>
/// <remarks>This type is an immutable value type and thread-safe.</remarks>
public sealed record AgreementTerm
{
    /// <summary>Initializes a term: either <paramref name="until"/>, or <paramref name="years"/> and or <paramref name="months"/>.</summary>
    /// <param name="until">The last day it runs, with its precision.</param>
    /// <param name="years">How many years it runs from its start.</param>
    /// <param name="months">How many months it runs from its start (besides <paramref name="years"/>).</param>
    /// <param name="verbatim">The words the term was read from.</param>
    /// <exception cref="ArgumentException">Neither or both of a date and a length are given, or a length is not positive.</exception>
    [JsonConstructor]
    public AgreementTerm(ReportedDate? until = null, int? years = null, int? months = null, string? verbatim = null)
    {
        if ((until is null) == (years is null && months is null))
        {
            throw new ArgumentException("A term is either until a date or for a length of time: give one.", nameof(until));
        }

        if (years is <= 0 or > 100 || months is <= 0 or > 1200)
        {
            throw new ArgumentOutOfRangeException(years is <= 0 or > 100 ? nameof(years) : nameof(months), "A term's length is a positive number of years (at most 100) or months.");
        }

        Until = until;
        Years = years;
        Months = months;
        Verbatim = Preconditions.CheckOptionalText(verbatim, nameof(verbatim), 200);
    }

    /// <summary>Gets the last day it runs, when the source gives a date.</summary>
    public ReportedDate? Until { get; }

    /// <summary>Gets how many years it runs, when the source gives a length.</summary>
    public int? Years { get; }

    /// <summary>Gets how many months it runs besides <see cref="Years"/>, when the source gives them.</summary>
    public int? Months { get; }

    /// <summary>Gets the words the term was read from.</summary>
    public string? Verbatim { get; }

    /// <summary>Gets the last day it runs, for an agreement that takes effect on <paramref name="start"/>: a length ends the day before its anniversary.</summary>
    /// <param name="start">When the agreement takes effect.</param>
    /// <returns>The last day, with the precision its start allows.</returns>
    public ReportedDate EndsFrom(ReportedDate start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (Until is { } until)
        {
            return until;
        }

        var length = Period.FromYears(Years ?? 0) + Period.FromMonths(Months ?? 0);
        LocalDate? End(LocalDate? day) => day is { } first ? Anniversary(first, length)?.PlusDays(-1) ?? LocalDate.MaxIsoValue : null;
        var (earliest, latest) = (End(start.Earliest), End(start.Latest));
        return earliest == latest && earliest is { } only ? ReportedDate.OnDay(only) : ReportedDate.Between(earliest, latest);
    }

    /// <summary>
    /// Gets the day <paramref name="length"/> after <paramref name="first"/>, or <see langword="null"/> when that falls
    /// past the calendar (a term of five years from 9999-12-30): the agreement then runs to the calendar's last day, as
    /// far as any date can say. NodaTime refuses a date past 9999, and a fact the ingest accepted must still be answered.
    /// </summary>
    private static LocalDate? Anniversary(LocalDate first, Period length)
    {
        try
        {
            return first.Plus(length);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
