using System.Runtime.CompilerServices;
using CooperationLedger.Facts;
using CooperationLedger.Views;
using Marten;

namespace CooperationLedger.Storage;

/// <summary>
/// What every whole-ledger listing reads of its settled facts (<see cref="ReadModelSql.Settled"/>) in the same way: the
/// parameters that name the open facts, the disputed facts it found once, and the citations of the facts it streams.
/// </summary>
internal static class SettledRows
{
    /// <summary>The disputed settled facts of a listing, found once and sent as <c>$4</c>, after <see cref="ReadModelSql.OpenGiven"/>.</summary>
    public const string DisputedGiven = "disputed as (select unnest($4::uuid[]) as id)";

    /// <summary>Gets <c>$1</c> to <c>$3</c>: the tenant, the open facts and those of them revised by the point.</summary>
    public static object[] Parameters(IQuerySession session, IReadOnlyList<OpenFact> open) =>
        [session.TenantId, open.Select(fact => fact.Id).ToArray(), open.Where(fact => fact.IsRevised).Select(fact => fact.Id).ToArray()];

    /// <summary>Gets the schema of the read tables and the events.</summary>
    public static string Schema(IQuerySession session) => session.DocumentStore.Options.Events.DatabaseSchemaName;

    /// <summary>Gets <see cref="ReadTables.Facts"/>, qualified by its schema.</summary>
    public static string Facts(IQuerySession session) => $"{Schema(session)}.{ReadTables.Facts}";

    /// <summary>
    /// Gets the ids and matters of the settled facts that a dispute holds at the point, of one <paramref name="family"/>
    /// (0 for donations, 1 for claims; see <see cref="ReadModelSql.Disputed"/>).
    /// </summary>
    public static async Task<SettledDisputes> DisputedAsync(IQuerySession session, AsOf asOf, IReadOnlyList<OpenFact> open, int family, CancellationToken cancellationToken)
    {
        var (ids, matters) = (new List<Guid>(), new HashSet<string>(StringComparer.Ordinal));
        var sql = $"""
            {ReadModelSql.OpenGiven},
            {ReadModelSql.Disputed(Schema(session), asOf)}
            select d.id, d.matter from disputed d where d.family = {family}
            """;
        await foreach (var row in SqlRows.ReadAsync(session, sql, Parameters(session, open), cancellationToken, ReadModelSql.WholeLedger).ConfigureAwait(false))
        {
            ids.Add(row.GetGuid(0));
            matters.Add(row.GetString(1));
        }

        return new SettledDisputes([.. ids], [.. matters]);
    }

    /// <summary>
    /// Streams the citations of the settled facts at the point that <paramref name="which"/> picks (a condition on the fact
    /// <c>s</c>, which may name <c>disputed</c>), each read from its event by the stream and version of its row, in the
    /// order of the events.
    /// </summary>
    public static async IAsyncEnumerable<(Guid Id, string Key, Citation Citation)> CitationsAsync(IQuerySession session, AsOf asOf, IReadOnlyList<OpenFact> open, IReadOnlyList<Guid> disputed, string which, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var names = StoreCheck.NamesOf(serializer);
        var sql = $"""
            {ReadModelSql.OpenGiven}, {DisputedGiven}
            select s.id, s.key, e.data -> $5
            from {Facts(session)} s join {Schema(session)}.mt_events e on e.stream_id = s.stream_id and e.version = s.version and e.tenant_id = s.tenant_id
            where {ReadModelSql.Settled("s", asOf)} and {which}
            order by s.stream_id, s.version
            """;
        await foreach (var row in SqlRows.ReadAsync(session, sql, [.. Parameters(session, open), disputed.ToArray(), names.Citation], cancellationToken, ReadModelSql.WholeLedger).ConfigureAwait(false))
        {
            yield return (row.GetGuid(0), row.GetString(1), serializer.FromJson<Citation>(row, 2));
        }
    }
}

/// <summary>The settled facts a dispute holds at a point (<see cref="SettledRows.DisputedAsync"/>).</summary>
/// <param name="Ids">Their ids.</param>
/// <param name="Matters">Their matters, whose disputes are told from their facts.</param>
internal sealed record SettledDisputes(IReadOnlyList<Guid> Ids, IReadOnlyList<string> Matters);
