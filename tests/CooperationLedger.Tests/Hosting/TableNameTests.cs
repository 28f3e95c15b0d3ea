using CooperationLedger.Facts;
using CooperationLedger.Storage;

namespace CooperationLedger.Tests.Hosting;

/// <summary>The ledger's tables keep the names existing ledgers were created with, whatever the types are called now.</summary>
public sealed class TableNameTests
{
    [Theory]
    [InlineData(typeof(IndexedFact), "mt_doc_factrecord")]
    [InlineData(typeof(StoredArticle), "mt_doc_storeddocument")]
    [InlineData(typeof(ActorRegistration), "mt_doc_actorregistration")]
    public void A_renamed_document_type_keeps_its_table(Type type, string table)
    {
        using var store = Marten.DocumentStore.For(options =>
        {
            options.Connection("Host=localhost;Database=unused");
            LedgerStoreConfiguration.Apply(options, clock: null);
        });

        ((Marten.IDocumentStore)store).Options.FindOrResolveDocumentType(type).TableName.Name.Should().Be(table);
    }
}
