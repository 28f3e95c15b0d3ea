using CooperationLedger.Facts;
using CooperationLedger.Reading;
namespace CooperationLedger.Storage;

/// <summary>A source document as the ledger keeps it: its description and the full text its quotes were checked against.</summary>
/// <param name="Id">The document's key.</param>
/// <param name="Document">The document's description.</param>
/// <param name="ArticleText">The article's text.</param>
internal sealed record StoredArticle(string Id, SourceDocument Document, string ArticleText)
{
    /// <summary>Gets a document's description and text as the ledger keeps them.</summary>
    public static StoredArticle Of(ParsedFactFile file) => new(file.Document.Key, file.Document, file.ArticleText);
}
