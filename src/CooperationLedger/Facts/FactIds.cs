using System.Security.Cryptography;
using System.Text;

namespace CooperationLedger.Facts;

/// <summary>
/// Deterministic ids for facts and documents (name-based UUIDs, RFC 9562 version 5, in a namespace of our own), so that
/// ingesting the same file twice yields the same ids.
/// </summary>
public static class FactIds
{
    private static readonly Guid Namespace = new("5b7f0a52-8f55-4bd6-9a86-1c2f3b9f6e10");

    /// <summary>Gets the id of the fact <paramref name="factKey"/> in the document <paramref name="documentKey"/>.</summary>
    /// <param name="documentKey">The document's key.</param>
    /// <param name="factKey">The fact's key within the document.</param>
    /// <returns>The fact's id.</returns>
    public static Guid ForFact(string documentKey, string factKey) => NameBased($"fact:{documentKey}/{factKey}");

    /// <summary>Gets the id of the event stream that holds a document's facts.</summary>
    /// <param name="documentKey">The document's key.</param>
    /// <returns>The stream id.</returns>
    public static Guid ForDocument(string documentKey) => NameBased($"document:{documentKey}");

    /// <summary>Gets the id of a fact by its full key, <c>document-key/fact-key</c>.</summary>
    internal static Guid ForKey(string key) => Split(key) is var (document, fact) ? ForFact(document, fact) : default;

    /// <summary>Splits a fact's full key, <c>document-key/fact-key</c>, into its document's key and its own.</summary>
    internal static (string Document, string Fact) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }

    private static Guid NameBased(string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        Namespace.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 version 5 specifies; it names, it does not protect.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
