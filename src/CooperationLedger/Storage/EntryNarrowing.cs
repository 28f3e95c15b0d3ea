using System.Linq.Expressions;
using System.Reflection;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using Marten.Linq.MatchesSql;

namespace CooperationLedger.Storage;

/// <summary>
/// Narrows a projection in SQL by what a query names (the actors an <see cref="ActorSelection"/> selects, a metric, a
/// matter) on indexed columns, so that a question about one donor or one matter reads only its own entries, however
/// long the history. Like
/// <see cref="AsOfBounds"/>, the narrowing is a superset: the answer functions still decide exactly.
/// </summary>
internal static class EntryNarrowing
{
    private static readonly MethodInfo MatchesSql =
        typeof(MatchesSqlExtensions).GetMethod(nameof(MatchesSqlExtensions.MatchesSql), [typeof(object), typeof(string), typeof(object[])])!;

    /// <summary>Keeps the entries whose term array column holds a term of the actors <paramref name="selection"/> selects.</summary>
    /// <param name="query">The query to narrow.</param>
    /// <param name="column">A duplicated <c>text[]</c> column of actor terms (<see cref="ActorTerms"/>), with a GIN index.</param>
    /// <param name="selection">What the user named; <see langword="null"/> keeps everything.</param>
    public static IQueryable<TEntry> WithTerms<TEntry>(this IQueryable<TEntry> query, string column, ActorSelection? selection)
        where TEntry : LedgerEntry => selection is null ? query : query.Overlapping(column, selection.Terms);

    /// <summary>
    /// Keeps the entries whose pair column holds a pairing of a term of <paramref name="first"/> with a term of
    /// <paramref name="second"/> (<see cref="ActorTerms.Pairs"/>), and the entries whose pair column is empty, written
    /// before it was added: a question naming two actors reads their pairs' entries alone, and an older entry is still
    /// read, to be decided by the answer function, until a rebuild fills its pairs.
    /// </summary>
    /// <param name="query">The query to narrow.</param>
    /// <param name="column">A duplicated <c>text[]</c> column of pair terms, with a GIN index, and a partial index of the
    /// entries where it is empty (<see cref="WithoutTerms"/>).</param>
    /// <param name="first">What the user named first.</param>
    /// <param name="second">What the user named second.</param>
    public static IQueryable<TEntry> WithTermPairs<TEntry>(this IQueryable<TEntry> query, string column, ActorSelection first, ActorSelection second)
        where TEntry : LedgerEntry =>
        query.WhereSql($"(d.{column} && ? or {WithoutTerms(column)})", new object[] { ActorTerms.Pairs(first.Terms, second.Terms).ToArray() });

    /// <summary>
    /// Gets the condition that a term column is empty or null, as the partial index of such entries states it: the
    /// planner uses that index only for this very condition.
    /// </summary>
    public static string WithoutTerms(string column) => $"coalesce(cardinality({column}), 0) = 0";

    /// <summary>Keeps the entries whose term array column is empty: a claim with no claimant, the outlet's own.</summary>
    public static IQueryable<TEntry> WithoutTerms<TEntry>(this IQueryable<TEntry> query, string column)
        where TEntry : LedgerEntry => query.WhereSql(WithoutTerms(column));

    /// <summary>Keeps the entries whose key array column holds a key of the actors <paramref name="selection"/> selects.</summary>
    /// <param name="query">The query to narrow.</param>
    /// <param name="column">A duplicated <c>text[]</c> column of keys and lower-case country codes, with a GIN index.</param>
    /// <param name="selection">What the user named.</param>
    public static IQueryable<TEntry> WithKeys<TEntry>(this IQueryable<TEntry> query, string column, ActorSelection selection)
        where TEntry : LedgerEntry => query.Overlapping(column, selection.Keys);

    /// <summary>Keeps the entries that link to the fact <paramref name="key"/> (see <see cref="LedgerEntry.LinkTargets"/>).</summary>
    public static IQueryable<TEntry> LinkingTo<TEntry>(this IQueryable<TEntry> query, string key)
        where TEntry : LedgerEntry => query.Overlapping("link_targets", [key]);

    /// <summary>Keeps the entries that link to any of the facts <paramref name="keys"/>.</summary>
    public static IQueryable<TEntry> LinkingToAny<TEntry>(this IQueryable<TEntry> query, IEnumerable<string> keys)
        where TEntry : LedgerEntry => query.Overlapping("link_targets", keys.ToArray());

    /// <summary>Keeps the entries of the facts <paramref name="ids"/>, and of the facts of <paramref name="matters"/>.</summary>
    public static IQueryable<TEntry> WithIds<TEntry>(this IQueryable<TEntry> query, IReadOnlyList<Guid> ids, IReadOnlyList<string> matters)
        where TEntry : LedgerEntry =>
        matters.Count == 0
            ? query.WhereSql("d.id = any(?)", new object[] { ids.ToArray() })
            : query.WhereSql("(d.id = any(?) or d.matter = any(?))", ids.ToArray(), matters.ToArray());

    /// <summary>Keeps the entries whose array column holds one of <paramref name="elements"/> (none, when there are none).</summary>
    private static IQueryable<TEntry> Overlapping<TEntry>(this IQueryable<TEntry> query, string column, IReadOnlyList<string> elements)
        where TEntry : LedgerEntry => query.WhereSql($"d.{column} && ?", new object[] { elements.ToArray() });

    /// <summary>
    /// Adds a SQL condition on the entry table (aliased <c>d</c>), with its parameters. The condition is built from
    /// constants, not from a lambda's closure: Marten reads a constant as it is, but compiles a delegate to evaluate
    /// anything else in a <c>MatchesSql</c> call, on every query (measured: a third of a narrow query's CPU time went on
    /// compiling those delegates and finalizing them).
    /// </summary>
    public static IQueryable<TEntry> WhereSql<TEntry>(this IQueryable<TEntry> query, string sql, params object[] parameters)
        where TEntry : class
    {
        var entry = Expression.Parameter(typeof(TEntry), "entry");
        var condition = Expression.Call(MatchesSql, entry, Expression.Constant(sql), Expression.Constant(parameters, typeof(object[])));
        return query.Where(Expression.Lambda<Func<TEntry, bool>>(condition, entry));
    }
}
