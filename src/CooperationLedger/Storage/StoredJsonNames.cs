using System.Text.Json;
using CooperationLedger.Reading;
using CooperationLedger.Resolution;
using Marten;

namespace CooperationLedger.Storage;

/// <summary>
/// The JSON names a store's serializer gives the event fields that the ledger's SQL reads straight from the events
/// table (<see cref="CitationLookup"/>): <c>factId</c> under camelCase, <c>FactId</c> under Marten's default,
/// <c>fact_id</c> under snake_case. They are learnt by writing a record with fields of the same names through the
/// serializer, so any naming policy an application sets is followed. The key of the header that names an event's
/// fact file is learnt the same way, since a dictionary key policy renames it when the headers are written and
/// nothing renames it back when they are read.
/// </summary>
/// <param name="FactId">The name of <c>FactId</c>.</param>
/// <param name="Citation">The name of <c>Citation</c>.</param>
/// <param name="RelayedFrom">The name of a citation's <c>RelayedFrom</c>, the outlet it relays.</param>
/// <param name="SourceFileHeader">The key under which the headers keep <see cref="SourceFileKey"/>.</param>
internal sealed record StoredJsonNames(string FactId, string Citation, string RelayedFrom, string SourceFileHeader)
{
    /// <summary>The header key, as the ledger writes it, of the fact file an event was read from.</summary>
    public const string SourceFileKey = "source-file";

    /// <summary>Gets the headers every event of a fact file carries: the file's name.</summary>
    public static Dictionary<string, object> HeadersOf(ParsedFactFile file) => new(StringComparer.Ordinal) { [SourceFileKey] = Path.GetFileName(file.Path) };

    public static StoredJsonNames Learn(ISerializer serializer)
    {
        var names = FieldsInOrder(serializer.ToJson(new Fields(Guid.NewGuid(), 1, 2)));
        var header = FieldsInOrder(serializer.ToJson(new Dictionary<string, object>(StringComparer.Ordinal) { [SourceFileKey] = string.Empty }));
        return names.Length == 3 && header.Length == 1
            ? new StoredJsonNames(names[0], names[1], names[2], header[0])
            : throw new InvalidOperationException($"The store's serializer wrote {names.Length} fields of a record of three; CooperationLedger cannot read its events.");
    }

    /// <summary>Gets the names of the fields of a JSON object.</summary>
    public static HashSet<string> FieldsOf(string json) => FieldsInOrder(json).ToHashSet(StringComparer.Ordinal);

    private static string[] FieldsInOrder(string json)
    {
        using var written = JsonDocument.Parse(json);
        return written.RootElement.EnumerateObject().Select(property => property.Name).ToArray();
    }

    /// <summary>Fields named as the ledger's events name them, in this order.</summary>
    private sealed record Fields(Guid FactId, int Citation, int RelayedFrom);
}
