using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Answers;

/// <summary>
/// Narrows a question to the facts of a period, a document or an outlet, before its answer is added up: a donor total
/// of a scope sums only the donations in it. Every part is optional; an empty scope admits every fact.
/// </summary>
/// <param name="From">Only facts whose effective date (as corrected) falls on or after this day.</param>
/// <param name="To">Only facts whose effective date falls on or before this day. An imprecise date falls in a range as
/// the question's rule reads it: under "certainly" when all the days it may mean do, under "possibly" when any does.</param>
/// <param name="Document">Only the facts of this document, by its key.</param>
/// <param name="Outlet">Only facts published by this outlet or relayed from it (its name as the citation gives it, in any case).</param>
public sealed record FactScope(LocalDate? From = null, LocalDate? To = null, string? Document = null, string? Outlet = null)
{
    /// <summary>Gets the scope that admits every fact.</summary>
    public static FactScope All { get; } = new();

    /// <summary>Gets a value indicating whether the scope admits every fact.</summary>
    public bool IsAll => From is null && To is null && Document is null && Outlet is null;

    /// <summary>Tells whether a fact of this effective date falls in the period under <paramref name="rule"/>.</summary>
    /// <param name="effective">The fact's effective date, as corrected.</param>
    /// <param name="rule">The question's rule for imprecise dates.</param>
    /// <returns><see langword="true"/> when it does, or when no period is given.</returns>
    public bool InPeriod(ReportedDate effective, DateRule rule)
    {
        ArgumentNullException.ThrowIfNull(effective);
        if (From is null && To is null)
        {
            return true;
        }

        var (earliest, latest) = (effective.Earliest, effective.Latest);
        return rule == DateRule.Possibly
            ? (From is not { } from || latest is null || latest >= from) && (To is not { } to || earliest is null || earliest <= to)
            : (From is not { } start || (earliest is { } first && first >= start)) && (To is not { } end || (latest is { } last && last <= end));
    }

    /// <summary>Tells whether a fact with this citation is of the scope's outlet.</summary>
    /// <param name="citation">The fact's citation.</param>
    /// <returns><see langword="true"/> when it is, or when no outlet is given.</returns>
    public bool OfOutlet(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return Outlet is not { } outlet
            || string.Equals(citation.Document.Publication, outlet.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(citation.RelayedFrom?.Outlet, outlet.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
