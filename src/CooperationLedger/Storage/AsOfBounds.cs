using System.Globalization;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;

namespace CooperationLedger.Storage;

/// <summary>
/// Narrows a point question's facts in SQL, on the indexed integer bounds of their rows, to those that can be in an as-of answer. The
/// narrowing is a superset; <see cref="AsOfResolution"/> then decides exactly.
/// </summary>
/// <remarks>
/// <para>
/// The bounds are written into the SQL as integer literals, not sent as parameters. A statement prepared with
/// parameters may be planned once for any values (PostgreSQL's generic plan, chosen after five runs), and such a plan
/// cannot tell a bound that keeps every row from one that keeps few, and for a one-donor question reads the whole
/// recorded-time index. With literals each as-of point is planned for itself, while the
/// ledger's other statements stay prepared.
/// </para>
/// <para>
/// A question that names what finds few rows by an index of its own (a donor and a recipient, two parties, a matter)
/// has the bounds checked on those rows alone (<see cref="BoundsUse.CheckOnly"/>), written so that no bound index
/// matches them. The range of a bound index up to a point holds every row before it, so it grows with the history,
/// and intersecting it with a pair's few rows costs more the longer the history is. The planner, which costs a page
/// read at random four times one read in sequence, chooses that intersection whenever the bound is early or its estimate
/// of the pair's rows is high, and then scans tens of thousands of index entries where reading the pair's few
/// rows and checking their bounds would do (docs/performance.md has the measurements).
/// </para>
/// </remarks>
internal static class AsOfBounds
{
    /// <summary>Narrows <paramref name="selection"/> to the facts that can be in an answer at <paramref name="asOf"/>.</summary>
    /// <remarks>
    /// A fact's row holds its own dates, and a correction may move its effective date earlier: a fact with any revision is
    /// kept whatever its effective bound, to be decided in memory with its revisions. Revisions are a few in a hundred.
    /// </remarks>
    public static FactSelection Apply(FactSelection selection, AsOf asOf, BoundsUse use)
    {
        if (asOf.Effective is { } effective)
        {
            selection = selection.Where($"{Bound(ReadModelSql.AxisColumn("effective", asOf.Rule), DayNumber.Of(effective), use)} or exists (select 1 from revisions r where r.revises = f.id)");
        }

        if (asOf.KnownOn is { } knownOn)
        {
            selection = selection.Where(Bound(ReadModelSql.AxisColumn("known", asOf.Rule), DayNumber.Of(knownOn), use));
        }

        return asOf.RecordedAt is { } recordedAt ? selection.Where(Bound("recorded_us", InstantNumber.Microseconds(recordedAt), use)) : selection;
    }

    private static string Bound(string column, long limit, BoundsUse use) =>
        $"f.{column}{(use == BoundsUse.CheckOnly ? " + 0" : string.Empty)} <= {limit.ToString(CultureInfo.InvariantCulture)}";
}
