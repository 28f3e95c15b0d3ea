using CooperationLedger.Facts;
using CooperationLedger.Views;
using Marten;

namespace CooperationLedger.Storage;

/// <summary>Reads which facts are open at a point (<see cref="ReadModelSql.Open"/>): those the rules in memory decide.</summary>
internal static class OpenRows
{
    /// <summary>Gets the ids of the open facts at the point (<see cref="ReadModelSql.Open"/>), each with what it is.</summary>
    public static async Task<IReadOnlyList<OpenFact>> ReadAsync(IQuerySession session, AsOf asOf, CancellationToken cancellationToken)
    {
        var opened = new List<OpenFact>();
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var sql = $"""
            {ReadModelSql.Open(schema, asOf)}
            select f.id, f.donor_id is not null, f.metric is not null, f.id in (select id from revised) from {schema}.{ReadTables.Facts} f where f.tenant_id = $1 and f.id = any(array(select id from open))
            """;
        await foreach (var row in SqlRows.ReadAsync(session, sql, [session.TenantId], cancellationToken).ConfigureAwait(false))
        {
            opened.Add(new OpenFact(row.GetGuid(0), row.GetBoolean(1), row.GetBoolean(2), row.GetBoolean(3)));
        }

        return opened;
    }
}
