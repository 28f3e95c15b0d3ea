using CooperationLedger.Facts;
using Marten.Schema;
using NpgsqlTypes;
using Weasel.Postgresql.Tables;

namespace CooperationLedger.Storage;

/// <summary>
/// The columns the ledger's documents keep beside their JSON, each with its index, under names of its own. Marten
/// names a duplicated column after the member's JSON name, so under an application's snake_case serializer
/// <c>DocumentKey</c> would become <c>document__key</c>; the SQL that reads the documents names these columns, so
/// their names are fixed here whatever serializer the store has. Every member the ledger's queries filter by is one of them: Marten's LINQ names a member that is not by the store's
/// <c>Casing</c>, which does not know of a naming policy set in the serializer's <c>configure</c> callback.
/// </summary>
internal static class DocumentColumns
{
    private static readonly Column[] All =
    [
        Text<IndexedFact>(nameof(IndexedFact.DocumentKey), "document_key"),
        Terms<ActorRegistration>(nameof(ActorRegistration.Terms), "terms"),
        Text<ActorRegistration>(nameof(ActorRegistration.Country), "country") with { Indexed = false },
        Text<ActorRegistration>(nameof(ActorRegistration.MemberOf), "member_of") with { Indexed = false },
    ];

    /// <summary>Adds the columns and indexes of <paramref name="mapping"/>'s document type, if it is one of the ledger's.</summary>
    /// <remarks>Runs as a Marten document policy, before the document's own registrations.</remarks>
    public static void Apply(DocumentMapping mapping)
    {
        foreach (var column in All.Where(column => column.Document == mapping.DocumentType))
        {
            var member = column.Document.GetProperty(column.Member) ?? throw new InvalidOperationException($"{column.Document.Name} has no property {column.Member}.");
            var field = mapping.DuplicateField([member], column.PgType, column.Name, notNull: false, partOfPrimaryKey: false);
            if (column.DbType is { } dbType)
            {
                field.DbType = dbType;
            }

            if (!column.Indexed)
            {
                continue;
            }

            var index = new DocumentIndex(mapping, column.Name);
            if (column.DbType is not null)
            {
                // Without the pending list (fastupdate = off): with it, entries inserted in bulk wait in an unordered
                // list that every lookup scans until a vacuum merges them.
                index.Method = IndexMethod.gin;
                index.StorageParameters["fastupdate"] = "off";
            }

            mapping.Indexes.Add(index);
        }
    }

    private static Column Terms<TDocument>(string member, string name) =>
        new(typeof(TDocument), member, name, "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text);

    private static Column Text<TDocument>(string member, string name) => new(typeof(TDocument), member, name, "varchar", null);

    private sealed record Column(Type Document, string Member, string Name, string PgType, NpgsqlDbType? DbType)
    {
        /// <summary>Gets whether the column has an index of its own; the register's <c>country</c> and <c>member_of</c>
        /// are read through a partial index of their condition (see <see cref="ActorRegistry.Members"/>).</summary>
        public bool Indexed { get; init; } = true;
    }
}
