namespace CooperationLedger.Facts;

/// <summary>
/// Orders text by Unicode code point, as PostgreSQL orders it under <c>collate "C"</c> (by its UTF-8 bytes), so that a
/// listing streamed in SQL's order and one sorted in memory agree. It differs from ordinal order (by UTF-16 code unit)
/// only where a character beyond the Basic Multilingual Plane meets one from U+E000 to U+FFFF.
/// </summary>
internal sealed class CodePointOrder : IComparer<string>
{
    public static CodePointOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var (left, right) = (x.EnumerateRunes(), y.EnumerateRunes());
        while (true)
        {
            var (more, moreRight) = (left.MoveNext(), right.MoveNext());
            if (!more || !moreRight)
            {
                return more.CompareTo(moreRight);
            }

            if (left.Current.Value != right.Current.Value)
            {
                return left.Current.Value.CompareTo(right.Current.Value);
            }
        }
    }
}
