using System.Globalization;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;

namespace CooperationLedger.Storage;

/// <summary>
/// Narrows a projection in SQL, on its indexed integer bounds, to the entries that can be in an as-of answer. The
/// narrowing is a superset; <see cref="AsOfResolution"/> then decides exactly.
/// </summary>
/// <remarks>
/// <para>
/// The bounds are written into the SQL as integer literals, not sent as parameters. A statement prepared with
/// parameters may be planned once for any values (PostgreSQL's generic plan, chosen after five runs), and such a plan
/// cannot tell a bound that keeps every entry from one that keeps few, and for a one-donor question reads the whole
/// recorded-time index. With literals each as-of point is planned for itself, while the
/// ledger's other statements stay prepared.
/// </para>
/// <para>
/// A question that names what finds few entries by an index of its own (a donor and a recipient, two parties, a matter)
/// has the bounds checked on those entries alone (<see cref="BoundsUse.CheckOnly"/>), written so that no bound index
/// matches them. The range of a bound index up to a point holds every entry before it, so it grows with the history,
/// and intersecting it with a pair's few entries costs more the longer the history is. The planner, which costs a page
/// read at random four times one read in sequence, chooses that intersection whenever the bound is early or its estimate
/// of the pair's entries is high, and then scans tens of thousands of index entries where reading the pair's few
/// entries and checking their bounds would do (docs/performance.md has the measurements).
/// </para>
/// </remarks>
internal static class AsOfBounds
{
    public static IQueryable<TEntry> Apply<TEntry>(IQueryable<TEntry> query, AsOf asOf, BoundsUse use)
        where TEntry : LedgerEntry
    {
        var certainly = asOf.Rule == DateRule.Certainly;
        var bounds = new List<string>(3);
        if (asOf.Effective is { } effective)
        {
            bounds.Add(Bound(certainly ? "effective_to" : "effective_from", DayNumber.Of(effective), use));
        }

        if (asOf.KnownOn is { } knownOn)
        {
            bounds.Add(Bound(certainly ? "known_to" : "known_from", DayNumber.Of(knownOn), use));
        }

        if (asOf.RecordedAt is { } recordedAt)
        {
            bounds.Add(Bound("recorded_at_ms", recordedAt.ToUnixTimeMilliseconds(), use));
        }

        return bounds.Count == 0 ? query : query.WhereSql(string.Join(" and ", bounds));
    }

    /// <summary>
    /// Writes one bound: on the column itself, which its index matches, or on the column plus zero, which no index
    /// matches, so that PostgreSQL checks it on the rows the other conditions found.
    /// </summary>
    private static string Bound(string column, long limit, BoundsUse use) =>
        $"d.{column}{(use == BoundsUse.CheckOnly ? " + 0" : string.Empty)} <= {limit.ToString(CultureInfo.InvariantCulture)}";
}
