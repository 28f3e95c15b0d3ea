using System.Linq.Expressions;
using System.Reflection;
using CooperationLedger.Facts;
using Marten.Linq.MatchesSql;

namespace CooperationLedger.Storage;

/// <summary>
/// Narrows a point question's facts in SQL by what it names (the actors an <see cref="ActorSelection"/> selects, a
/// metric, a matter) on indexed columns of their rows (<see cref="FactTerms"/>), so that a question about one donor or
/// one matter reads only its own facts, however long the history. Like <see cref="AsOfBounds"/>, the narrowing is a
/// superset: the answer functions still decide exactly.
/// </summary>
internal static class FactNarrowing
{
    private static readonly MethodInfo MatchesSql =
        typeof(MatchesSqlExtensions).GetMethod(nameof(MatchesSqlExtensions.MatchesSql), [typeof(object), typeof(string), typeof(object[])])!;

    /// <summary>Keeps the facts whose term column holds a term of the actors <paramref name="selection"/> selects.</summary>
    /// <param name="facts">The selection to narrow.</param>
    /// <param name="column">A <c>text[]</c> column of actor terms (<see cref="ActorTerms"/>), with a GIN index.</param>
    /// <param name="selection">What the user named; <see langword="null"/> keeps everything.</param>
    public static FactSelection WithTerms(this FactSelection facts, string column, ActorSelection? selection) =>
        selection is null ? facts : facts.Overlapping(column, selection.Terms);

    /// <summary>
    /// Keeps the donations whose pairs hold a pairing of a term of <paramref name="first"/> with a term of
    /// <paramref name="second"/> (<see cref="ActorTerms.Pairs"/>): a question naming two actors reads their pairs' facts
    /// alone.
    /// </summary>
    public static FactSelection WithTermPairs(this FactSelection facts, ActorSelection first, ActorSelection second) =>
        facts.Overlapping("pair_terms", ActorTerms.Pairs(first.Terms, second.Terms));

    /// <summary>
    /// Gets the condition that a term column is empty or null, as the partial index of such documents states it: the
    /// planner uses that index only for this very condition.
    /// </summary>
    public static string WithoutTerms(string column) => $"coalesce(cardinality({column}), 0) = 0";

    /// <summary>Keeps the facts whose term column is empty: a claim with no claimant, the outlet's own.</summary>
    public static FactSelection WithoutTerms(this FactSelection facts, string column) => facts.Where(WithoutTerms($"f.{column}"));

    /// <summary>Keeps the facts whose actors include one <paramref name="selection"/> selects, by key or country code.</summary>
    public static FactSelection WithKeys(this FactSelection facts, ActorSelection selection) => facts.Overlapping("actor_keys", selection.Keys);

    /// <summary>Keeps the facts that link to any of the facts <paramref name="ids"/>.</summary>
    public static FactSelection LinkingToAny(this FactSelection facts, IEnumerable<Guid> ids) =>
        facts.Where("f.link_targets && ?", new object[] { ids.ToArray() });

    /// <summary>Keeps the facts <paramref name="ids"/>, and the facts of <paramref name="matters"/>.</summary>
    public static FactSelection WithIds(this FactSelection facts, IReadOnlyList<Guid> ids, IReadOnlyList<string> matters) =>
        matters.Count == 0
            ? facts.Where("f.id = any(?)", new object[] { ids.ToArray() })
            : facts.Where("f.id = any(?) or f.matter = any(?)", ids.ToArray(), matters.ToArray());

    /// <summary>Keeps the facts whose array column holds one of <paramref name="elements"/> (none, when there are none).</summary>
    private static FactSelection Overlapping(this FactSelection facts, string column, IReadOnlyList<string> elements) =>
        facts.Where($"f.{column} && ?", new object[] { elements.ToArray() });

    /// <summary>
    /// Adds a SQL condition on a document table (aliased <c>d</c>), with its parameters. The condition is built from
    /// constants, not from a lambda's closure: Marten reads a constant as it is, but compiles a delegate to evaluate
    /// anything else in a <c>MatchesSql</c> call, on every query (measured: a third of a narrow query's CPU time went on
    /// compiling those delegates and finalizing them).
    /// </summary>
    public static IQueryable<TDocument> WhereSql<TDocument>(this IQueryable<TDocument> query, string sql, params object[] parameters)
        where TDocument : class
    {
        var document = Expression.Parameter(typeof(TDocument), "document");
        var condition = Expression.Call(MatchesSql, document, Expression.Constant(sql), Expression.Constant(parameters, typeof(object[])));
        return query.Where(Expression.Lambda<Func<TDocument, bool>>(condition, document));
    }
}
