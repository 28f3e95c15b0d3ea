using System.Globalization;
using CooperationLedger.Time;

namespace CooperationLedger.Facts;

/// <summary>
/// Narrows a projection in SQL, on its indexed integer bounds, to the entries that can be in an as-of answer. The
/// narrowing is a superset; <see cref="AsOfResolution"/> then decides exactly.
/// </summary>
/// <remarks>
/// The bounds are written into the SQL as integer literals, not sent as parameters. A statement prepared with
/// parameters may be planned once for any values (PostgreSQL's generic plan, chosen after five runs), and such a plan
/// cannot tell a bound that keeps every entry from one that keeps few: for a one-donor question it read the whole
/// recorded-time index (45 ms instead of under 1 ms). With literals each as-of point is planned for itself, while the
/// ledger's other statements stay prepared.
/// </remarks>
internal static class AsOfBounds
{
    public static IQueryable<TEntry> Apply<TEntry>(IQueryable<TEntry> query, AsOf asOf)
        where TEntry : LedgerEntry
    {
        var certainly = asOf.Rule == DateRule.Certainly;
        var bounds = new List<string>(3);
        if (asOf.Effective is { } effective)
        {
            bounds.Add(Bound(certainly ? "effective_to" : "effective_from", DayNumber.Of(effective)));
        }

        if (asOf.KnownOn is { } knownOn)
        {
            bounds.Add(Bound(certainly ? "known_to" : "known_from", DayNumber.Of(knownOn)));
        }

        if (asOf.RecordedAt is { } recordedAt)
        {
            bounds.Add(Bound("recorded_at_ms", recordedAt.ToUnixTimeMilliseconds()));
        }

        return bounds.Count == 0 ? query : query.WhereSql(string.Join(" and ", bounds));
    }

    private static string Bound(string column, long limit) => $"d.{column} <= {limit.ToString(CultureInfo.InvariantCulture)}";
}
