using CooperationLedger.Actors;
using Marten.Linq.MatchesSql;

namespace CooperationLedger.Facts;

/// <summary>
/// Narrows a projection in SQL by what a query names (an actor, a metric, a matter) on indexed columns, so that a
/// question about one donor or one matter reads only its own entries, however long the history. Like
/// <see cref="AsOfBounds"/>, the narrowing is a superset: the answer functions still decide exactly.
/// </summary>
internal static class EntryNarrowing
{
    /// <summary>Keeps the entries whose term array column holds the term for <paramref name="text"/>.</summary>
    /// <param name="query">The query to narrow.</param>
    /// <param name="column">A duplicated <c>text[]</c> column of actor terms, with a GIN index.</param>
    /// <param name="text">What the user asked for; <see langword="null"/> keeps everything.</param>
    public static IQueryable<TEntry> WithTerm<TEntry>(this IQueryable<TEntry> query, string column, string? text)
        where TEntry : LedgerEntry
    {
        if (text is null)
        {
            return query;
        }

        object terms = new[] { ActorTerms.For(text) };
        return query.Where(entry => entry.MatchesSql($"d.{column} @> ?", terms));
    }
}
