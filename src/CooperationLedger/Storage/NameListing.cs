using CooperationLedger.Answers;
using CooperationLedger.Facts;
using Marten;

namespace CooperationLedger.Storage;

/// <summary>
/// Reads the distinct names of one kind that a tenant's ledger holds: document keys from the stored articles, outlets
/// from their publications (and the relays the events' citations name, read apart), matters and metrics from the read table of
/// facts. Read only to tell a misspelt filter from one with no facts, so each is one statement over what it needs.
/// </summary>
internal static class NameListing
{
    public static async Task<IReadOnlyList<string>> ReadAsync(IQuerySession session, NameKind kind, CancellationToken cancellationToken)
    {
        var options = session.DocumentStore.Options;
        var schema = options.Events.DatabaseSchemaName;
        var names = new List<string>();
        switch (kind)
        {
            case NameKind.Matter or NameKind.Metric:
                var column = kind == NameKind.Matter ? "matter" : "metric";
                await foreach (var row in SqlRows.ReadAsync(session, $"select distinct {column} from {schema}.{ReadTables.Facts} where tenant_id = $1 and {column} is not null", [session.TenantId], cancellationToken).ConfigureAwait(false))
                {
                    names.Add(row.GetString(0));
                }

                break;
            case NameKind.Document or NameKind.Outlet:
                var serializer = options.Serializer();
                var documents = options.FindOrResolveDocumentType(typeof(StoredArticle)).TableName.QualifiedName;
                var tenanted = options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined;
                await foreach (var row in SqlRows.ReadAsync(session, $"select data from {documents} {(tenanted ? "where tenant_id = $1" : string.Empty)}", tenanted ? [session.TenantId] : [], cancellationToken).ConfigureAwait(false))
                {
                    var document = serializer.FromJson<StoredArticle>(row, 0).Document;
                    names.Add(kind == NameKind.Document ? document.Key : document.Publication);
                }

                break;
        }

        return names.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Reads the outlets the events' citations relay: a scan of the tenant's events, so read only when the outlet asked
    /// for is no document's publication.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadRelayedOutletsAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var json = StoreCheck.NamesOf(serializer);
        var sql = $"select distinct data -> $2 -> $3 from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events where tenant_id = $1 and data -> $2 -> $3 is not null";
        var names = new List<string>();
        await foreach (var row in SqlRows.ReadAsync(session, sql, [session.TenantId, json.Citation, json.RelayedFrom], cancellationToken).ConfigureAwait(false))
        {
            names.Add(serializer.FromJson<Relay>(row, 0).Outlet);
        }

        return names;
    }

    /// <summary>Tells whether <paramref name="name"/> is <paramref name="text"/> as a question's filter of <paramref name="kind"/> compares them.</summary>
    public static bool Same(NameKind kind, string name, string text) => kind switch
    {
        NameKind.Outlet => string.Equals(name, text, StringComparison.OrdinalIgnoreCase),
        NameKind.Metric => ActorTerms.For(name) == ActorTerms.For(text),
        _ => string.Equals(name, text, StringComparison.Ordinal),
    };
}
