using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;

namespace CooperationLedger.Storage;

/// <summary>
/// The read tables as a part of the store's schema, so that Marten creates and migrates them with the rest: in the
/// events' schema, read when the schema is built, so that it follows a schema name set after the ledger was added.
/// </summary>
internal sealed class ReadTablesFeature(StoreOptions options) : FeatureSchemaBase("CooperationLedgerReadTables", options.Advanced.Migrator)
{
    protected override IEnumerable<ISchemaObject> schemaObjects() => ReadTables.Create(options.Events.DatabaseSchemaName);
}
