using System.Runtime.CompilerServices;
using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Views;
using Marten;

namespace CooperationLedger.Storage;

/// <summary>
/// Reads the whole ledger's claimed statistics at a point from the read tables (<see cref="ReadModelSql"/>): the settled
/// claims, a row each, in the order the answer lists claims (<see cref="ClaimedStatisticsListing.Order"/>), each as it was
/// stated, disputed where a dispute found once holds it, with the claims of other documents that state its figure on its
/// matter; and their citations, each read once from its event.
/// </summary>
internal static class ClaimRows
{
    /// <summary>The condition that the settled fact <c>s</c> is a claimed statistic.</summary>
    private const string Claimed = "s.metric is not null";

    /// <summary>
    /// Streams the settled claims, by metric (in code-point order), the earliest day of their period (none first) and key.
    /// A claim is corroborated by the claims of its matter that state its figure in its scale in another document
    /// (<c>Corroboration</c>): they are settled with it, since a matter is open or settled as a whole, so they are grouped
    /// here, and only the claims of its own document are left out of a group's keys in memory.
    /// </summary>
    public static async IAsyncEnumerable<ClaimedStatistic> ReadAsync(IQuerySession session, AsOf asOf, IReadOnlyList<OpenFact> open, SettledDisputes disputed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var facts = SettledRows.Facts(session);
        var sql = $"""
            {ReadModelSql.OpenGiven}, {SettledRows.DisputedGiven},
            agreeing as (
              select s.matter, s.compared_scale, s.compared_figure, array_agg(s.key) as keys
              from {facts} s
              where {ReadModelSql.Settled("s", asOf)} and {Claimed} and s.matter is not null and s.compared_scale is not null
              group by s.matter, s.compared_scale, s.compared_figure having count(*) > 1
            )
            select s.id, s.key, s.metric, s.matter, s.shown, s.id in (select id from disputed), a.keys
            from {facts} s left join agreeing a on a.matter = s.matter and a.compared_scale = s.compared_scale and a.compared_figure = s.compared_figure
            where {ReadModelSql.Settled("s", asOf)} and {Claimed}
            order by s.metric collate "C", s.period_from nulls first, s.key collate "C"
            """;
        await foreach (var row in SqlRows.ReadAsync(session, sql, [.. SettledRows.Parameters(session, open), disputed.Ids.ToArray()], cancellationToken, ReadModelSql.WholeLedger).ConfigureAwait(false))
        {
            var (id, key) = (row.GetGuid(0), row.GetString(1));
            var shown = row.Json<ClaimShown>(serializer, 4);
            var document = FactIds.Split(key).Document;
            var agreeing = row.IsDBNull(6)
                ? []
                : row.GetFieldValue<string[]>(6).Where(other => FactIds.Split(other).Document != document).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            yield return new ClaimedStatistic(
                id,
                key,
                shown.Claimant,
                shown.Subject,
                row.GetString(2),
                shown.Measure,
                null,
                shown.Period,
                shown.Baseline,
                shown.Effective,
                row.GetBoolean(5) ? Standing.Disputed : Standing.Asserted,
                row.IsDBNull(3) ? null : row.GetString(3),
                [])
            {
                CorroboratedBy = agreeing.Length > 0 ? agreeing : null,
            };
        }
    }

    /// <summary>Streams the citations of the claims <see cref="ReadAsync"/> streams, in the order of their events (<see cref="SettledRows.CitationsAsync"/>).</summary>
    public static IAsyncEnumerable<(Guid Id, string Key, Citation Citation)> CitationsAsync(IQuerySession session, AsOf asOf, IReadOnlyList<OpenFact> open, CancellationToken cancellationToken) =>
        SettledRows.CitationsAsync(session, asOf, open, [], Claimed, cancellationToken);
}
