using System.Runtime.CompilerServices;
using CooperationLedger.Answers;
using Marten;

namespace CooperationLedger.Storage;

/// <summary>
/// Reads the stored documents in key order with the counts of their facts and revisions, counted in the read tables
/// by the document part of each key (<c>document-key/fact-key</c>), in one statement.
/// </summary>
internal static class DocumentListing
{
    public static async IAsyncEnumerable<DocumentSummary> ReadAsync(IQuerySession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = session.DocumentStore.Options;
        var schema = options.Events.DatabaseSchemaName;
        var documents = options.FindOrResolveDocumentType(typeof(StoredArticle)).TableName.QualifiedName;
        var tenanted = options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined;
        var sql = $"""
            with f as (select split_part(key, '/', 1) as document, count(*)::int as n from {schema}.{ReadTables.Facts} where tenant_id = $1 group by 1),
                 r as (select split_part(key, '/', 1) as document, count(*)::int as n from {schema}.{ReadTables.Revisions} where tenant_id = $1 group by 1)
            select d.data, coalesce(f.n, 0), coalesce(r.n, 0)
            from {documents} d left join f on f.document = d.id left join r on r.document = d.id
            {(tenanted ? "where d.tenant_id = $1" : string.Empty)}
            order by d.id collate "C"
            """;
        var serializer = options.Serializer();
        await foreach (var row in SqlRows.ReadAsync(session, sql, [session.TenantId], cancellationToken).ConfigureAwait(false))
        {
            var stored = serializer.FromJson<StoredArticle>(row, 0);
            yield return new DocumentSummary(stored.Document, row.GetInt32(1), row.GetInt32(2));
        }
    }
}
