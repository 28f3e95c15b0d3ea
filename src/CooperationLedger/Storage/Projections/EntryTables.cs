using Marten;
using Weasel.Core;

namespace CooperationLedger.Storage;

/// <summary>The tables of the ledger's projection entries in a store, for the maintenance that works on them directly.</summary>
internal static class EntryTables
{
    /// <summary>Gets the table of each entry type, as the store maps it.</summary>
    public static IReadOnlyList<DbObjectName> Of(IDocumentStore store) =>
        LedgerStoreConfiguration.EntryTypes.Select(type => store.Options.FindOrResolveDocumentType(type).TableName).ToArray();
}
