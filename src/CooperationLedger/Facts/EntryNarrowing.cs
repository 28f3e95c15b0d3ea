using System.Linq.Expressions;
using System.Reflection;
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
    private static readonly MethodInfo MatchesSql =
        typeof(MatchesSqlExtensions).GetMethod(nameof(MatchesSqlExtensions.MatchesSql), [typeof(object), typeof(string), typeof(object[])])!;

    /// <summary>Keeps the entries whose term array column holds the term for <paramref name="text"/>.</summary>
    /// <param name="query">The query to narrow.</param>
    /// <param name="column">A duplicated <c>text[]</c> column of actor terms, with a GIN index.</param>
    /// <param name="text">What the user asked for; <see langword="null"/> keeps everything.</param>
    public static IQueryable<TEntry> WithTerm<TEntry>(this IQueryable<TEntry> query, string column, string? text)
        where TEntry : LedgerEntry => text is null ? query : query.Containing(column, ActorTerms.For(text));

    /// <summary>
    /// Keeps the entries whose pair column holds the pair of terms for <paramref name="first"/> and
    /// <paramref name="second"/> (<see cref="ActorTerms.Pair"/>), and the entries whose pair column is empty, written
    /// before it was added: a question naming two actors reads their pair's entries alone, and an older entry is still
    /// read, to be decided by the answer function, until a rebuild fills its pairs.
    /// </summary>
    /// <param name="query">The query to narrow.</param>
    /// <param name="column">A duplicated <c>text[]</c> column of pair terms, with a GIN index, and a partial index of the
    /// entries where it is empty (<see cref="WithoutTerms"/>).</param>
    /// <param name="first">What the user named first.</param>
    /// <param name="second">What the user named second.</param>
    public static IQueryable<TEntry> WithTermPair<TEntry>(this IQueryable<TEntry> query, string column, string first, string second)
        where TEntry : LedgerEntry =>
        query.WhereSql($"(d.{column} @> ? or {WithoutTerms(column)})", new object[] { new[] { ActorTerms.Pair(first, second) } });

    /// <summary>
    /// Gets the condition that a term column is empty or null, as the partial index of such entries states it: the
    /// planner uses that index only for this very condition.
    /// </summary>
    public static string WithoutTerms(string column) => $"coalesce(cardinality({column}), 0) = 0";

    /// <summary>Keeps the entries whose key array column holds <paramref name="key"/> exactly.</summary>
    /// <param name="query">The query to narrow.</param>
    /// <param name="column">A duplicated <c>text[]</c> column of keys, with a GIN index.</param>
    /// <param name="key">The key, as the column keeps it.</param>
    public static IQueryable<TEntry> WithKey<TEntry>(this IQueryable<TEntry> query, string column, string key)
        where TEntry : LedgerEntry => query.Containing(column, key);

    /// <summary>Keeps the entries whose array column holds <paramref name="element"/>.</summary>
    private static IQueryable<TEntry> Containing<TEntry>(this IQueryable<TEntry> query, string column, string element)
        where TEntry : LedgerEntry => query.WhereSql($"d.{column} @> ?", new object[] { new[] { element } });

    /// <summary>
    /// Adds a SQL condition on the entry table (aliased <c>d</c>), with its parameters. The condition is built from
    /// constants, not from a lambda's closure: Marten reads a constant as it is, but compiles a delegate to evaluate
    /// anything else in a <c>MatchesSql</c> call, on every query (measured: a third of a narrow query's CPU time went on
    /// compiling those delegates and finalizing them).
    /// </summary>
    public static IQueryable<TEntry> WhereSql<TEntry>(this IQueryable<TEntry> query, string sql, params object[] parameters)
        where TEntry : LedgerEntry
    {
        var entry = Expression.Parameter(typeof(TEntry), "entry");
        var condition = Expression.Call(MatchesSql, entry, Expression.Constant(sql), Expression.Constant(parameters, typeof(object[])));
        return query.Where(Expression.Lambda<Func<TEntry, bool>>(condition, entry));
    }
}
