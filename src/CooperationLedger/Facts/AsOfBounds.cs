using CooperationLedger.Time;

namespace CooperationLedger.Facts;

/// <summary>
/// Narrows a projection in SQL, on its indexed integer bounds, to the entries that can be in an as-of answer. The
/// narrowing is a superset; <see cref="AsOfResolution"/> then decides exactly.
/// </summary>
internal static class AsOfBounds
{
    public static IQueryable<TEntry> Apply<TEntry>(IQueryable<TEntry> query, AsOf asOf)
        where TEntry : LedgerEntry
    {
        var certainly = asOf.Rule == DateRule.Certainly;
        if (asOf.Effective is { } effective)
        {
            var day = DayNumber.Of(effective);
            query = certainly ? query.Where(entry => entry.EffectiveTo <= day) : query.Where(entry => entry.EffectiveFrom <= day);
        }

        if (asOf.KnownOn is { } knownOn)
        {
            var day = DayNumber.Of(knownOn);
            query = certainly ? query.Where(entry => entry.KnownTo <= day) : query.Where(entry => entry.KnownFrom <= day);
        }

        if (asOf.RecordedAt is { } recordedAt)
        {
            var milliseconds = recordedAt.ToUnixTimeMilliseconds();
            query = query.Where(entry => entry.RecordedAtMs <= milliseconds);
        }

        return query;
    }
}
